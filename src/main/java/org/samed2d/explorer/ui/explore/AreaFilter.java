package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.FacetCounts.AreaBin;
import org.samed2d.explorer.search.MaskFilter.Bounds;

/**
 * The mask-area range, drawn over the area histogram (every other filter applied, power-of-two bins): bars inside
 * the range are highlighted, and clicking a bar selects it.
 */
class AreaFilter extends Details {

    private final Div histogram = new Div();
    private final IntegerField min = new IntegerField("Min px");
    private final IntegerField max = new IntegerField("Max px");
    private final Consumer<Bounds> onChange;

    AreaFilter(Consumer<Bounds> onChange) {
        this.onChange = onChange;
        setSummaryText("Mask area");
        setOpened(true);
        addClassName("facet");
        histogram.addClassName("histogram");
        histogram.getElement().setAttribute("role", "group");
        histogram.getElement().setAttribute("aria-label", "Masks per area range");
        for (IntegerField field : List.of(min, max)) {
            field.setMin(0);
            field.setWidth("7.5rem");
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(event -> {
                if (event.isFromClient()) {
                    onChange.accept(new Bounds(toLong(min.getValue()), toLong(max.getValue())));
                }
            });
        }
        min.setId("area-min");
        max.setId("area-max");
        VerticalLayout body = new VerticalLayout(histogram, new HorizontalLayout(min, max));
        body.setPadding(false);
        add(body);
    }

    void show(List<AreaBin> bins, Bounds range) {
        min.setValue(toInteger(range.min()));
        max.setValue(toInteger(range.max()));
        histogram.removeAll();
        long tallest = bins.stream().mapToLong(AreaBin::count).max().orElse(1);
        for (AreaBin bin : bins) {
            Div bar = new Div();
            bar.addClassName("histogram-bar");
            bar.getStyle().set("height", Math.max(2, Math.round(56.0 * bin.count() / Math.max(1, tallest))) + "px");
            boolean inside = (range.min() == null || bin.max() >= range.min()) && (range.max() == null || bin.min() <= range.max());
            bar.addClassName(inside ? "inside" : "outside");
            String label = "%,d–%,d px: %,d masks".formatted(bin.min(), bin.max(), bin.count());
            bar.getElement().setAttribute("title", label);
            bar.getElement().setAttribute("aria-label", label);
            bar.getElement().setAttribute("role", "button");
            bar.getElement().setAttribute("tabindex", "0");
            bar.addClickListener(click -> onChange.accept(new Bounds(bin.min(), bin.max())));
            com.vaadin.flow.component.Shortcuts.addShortcutListener(bar,
                    () -> onChange.accept(new Bounds(bin.min(), bin.max())), com.vaadin.flow.component.Key.ENTER)
                    .listenOn(bar);
            histogram.add(bar);
        }
        if (bins.isEmpty()) {
            histogram.setText("No measured masks match.");
        }
    }

    private static @Nullable Long toLong(@Nullable Integer value) {
        return value == null ? null : value.longValue();
    }

    private static @Nullable Integer toInteger(@Nullable Long value) {
        return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }
}
