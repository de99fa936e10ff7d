package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.FacetCounts.AreaBin;
import org.samed2d.explorer.search.FacetCounts.FractionBin;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.MaskFilter.FractionBounds;
import org.samed2d.explorer.ui.base.Histogram;
import org.samed2d.explorer.ui.explore.AreaInput.Unit;

/**
 * The mask-area range, in pixels or as a percentage of the image, over the histogram of that unit (every other
 * filter applied, power-of-two bins). Typed values apply once the range they make is valid; until then the field
 * at fault says why and nothing else changes. Clicking a bar selects its bin.
 */
class AreaFilter extends Details {

    final RadioButtonGroup<Unit> unit = new RadioButtonGroup<>();
    final TextField min = new TextField("Min");
    final TextField max = new TextField("Max");
    private final Histogram histogram;
    private final Consumer<MaskFilter> onChange;
    private final Supplier<MaskFilter> current;
    private final List<Runnable> binClicks = new ArrayList<>();

    /**
     * @param current the filter as the page shows it now
     * @param onChange receives the filter with the new range
     * @param redraw draws the page again (a new unit needs its own histogram)
     */
    AreaFilter(Supplier<MaskFilter> current, Consumer<MaskFilter> onChange, Runnable redraw) {
        this.current = current;
        this.onChange = onChange;
        setSummaryText("Mask area");
        setOpened(true);
        addClassName("facet");
        setId("area-filter");
        unit.setItems(Unit.PIXELS, Unit.PERCENT);
        unit.setItemLabelGenerator(u -> u.label);
        unit.setValue(Unit.PIXELS);
        unit.setAriaLabel("Area unit");
        unit.setId("area-unit");
        unit.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                redraw.run();
            }
        });
        histogram = new Histogram("Masks per area range", "mask area", bin -> binClicks.get(bin).run());
        for (TextField field : List.of(min, max)) {
            field.setAllowedCharPattern("[0-9.,%]");
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(event -> {
                if (event.isFromClient()) {
                    typed(field == max);
                }
            });
        }
        min.setId("area-min");
        max.setId("area-max");
        Div fields = new Div(min, max);
        fields.addClassName("area-fields");
        add(new Div(unit, histogram, fields));
    }

    private void typed(boolean editedMax) {
        AreaInput input = AreaInput.read(unit.getValue(), min.getValue(), max.getValue(), editedMax);
        mark(min, input.minProblem());
        mark(max, input.maxProblem());
        if (input.valid()) {
            MaskFilter filter = current.get();
            onChange.accept(unit.getValue() == Unit.PIXELS ? FilterEdit.withArea(filter, input.pixels())
                    : FilterEdit.withFraction(filter, input.fraction()));
        }
    }

    private static void mark(TextField field, @Nullable String problem) {
        field.setInvalid(problem != null);
        field.setErrorMessage(problem);
    }

    /** The unit to show a filter in: % when only a fraction range is set, else what the user chose last. */
    Unit unitFor(MaskFilter filter) {
        if (!filter.areaFraction().isAny() && filter.area().isAny()) {
            return Unit.PERCENT;
        }
        if (!filter.area().isAny() && filter.areaFraction().isAny()) {
            return Unit.PIXELS;
        }
        return unit.getValue();
    }

    /** Whether the page needs the fraction histogram to draw this filter. */
    boolean showsFractions(MaskFilter filter) {
        return unitFor(filter) == Unit.PERCENT;
    }

    void show(MaskFilter filter, @Nullable List<AreaBin> areaBins, @Nullable List<FractionBin> fractionBins) {
        unit.setValue(unitFor(filter));
        mark(min, null);
        mark(max, null);
        binClicks.clear();
        if (unit.getValue() == Unit.PIXELS) {
            min.setValue(filter.area().min() == null ? "" : "%,d".formatted(filter.area().min()));
            max.setValue(filter.area().max() == null ? "" : "%,d".formatted(filter.area().max()));
            if (areaBins != null) {
                showPixels(filter, areaBins);
            }
        } else {
            min.setValue(filter.areaFraction().min() == null ? "" : Percent.format(filter.areaFraction().min()));
            max.setValue(filter.areaFraction().max() == null ? "" : Percent.format(filter.areaFraction().max()));
            if (fractionBins != null) {
                showFractions(filter, fractionBins);
            }
        }
        min.setHelperText(unit.getValue() == Unit.PIXELS ? "px" : "% of image");
        max.setHelperText(unit.getValue() == Unit.PIXELS ? "px" : "% of image");
    }

    private void showPixels(MaskFilter filter, List<AreaBin> bins) {
        Bounds range = filter.area();
        List<Histogram.Bar> bars = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            AreaBin bin = bins.get(i);
            boolean inside = (range.min() == null || bin.min() >= range.min())
                    && (range.max() == null || bin.max() <= range.max());
            bars.add(new Histogram.Bar("%,d–%,d px".formatted(bin.min(), bin.max()), bin.count(), inside,
                    i % 3 == 0 ? shortPixels(bin.min()) : null));
            binClicks.add(() -> onChange.accept(FilterEdit.withArea(current.get(), new Bounds(bin.min(), bin.max()))));
        }
        histogram.show(bars);
    }

    private void showFractions(MaskFilter filter, List<FractionBin> bins) {
        FractionBounds range = filter.areaFraction();
        List<Histogram.Bar> bars = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            FractionBin bin = bins.get(i);
            boolean inside = (range.min() == null || bin.min() >= range.min())
                    && (range.max() == null || bin.max() <= range.max());
            bars.add(new Histogram.Bar(Percent.format(bin.min()) + "–" + Percent.format(bin.max()) + " % of image",
                    bin.count(), inside, i % 3 == 0 ? Percent.format(bin.min()) + "%" : null));
            binClicks.add(() -> onChange.accept(FilterEdit.withFraction(current.get(),
                    new FractionBounds(bin.min(), bin.max()))));
        }
        histogram.show(bars);
    }

    /** 1, 8, 64, 512, 4k, 32k, 256k, 2M: the axis labels of pixel bins. */
    static String shortPixels(long pixels) {
        if (pixels >= 1 << 20) {
            return (pixels >> 20) + "M";
        }
        return pixels >= 1 << 10 ? (pixels >> 10) + "k" : String.format(Locale.ROOT, "%d", pixels);
    }
}
