package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.ui.base.Counted;

/**
 * The filters: the area range over its histogram first (where it is seen), then every dimension with its counts.
 * On a phone it is a drawer that the results bar's "Filters (n)" button opens.
 */
class FilterSidebar extends Div {

    final AreaFilter area;
    private final Map<FacetDimension, FacetGroup> groups = new EnumMap<>(FacetDimension.class);
    private final Button close = new Button("Show results", VaadinIcon.CLOSE_SMALL.create());

    FilterSidebar(Supplier<MaskFilter> current, Consumer<MaskFilter> onChange, Runnable redraw) {
        addClassName("filters");
        setId("filters");
        getElement().setAttribute("aria-label", "Filters");
        getElement().setAttribute("role", "search");
        H2 title = new H2("Filters");
        title.addClassName("filters-title");
        close.addClassName("filters-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        close.addClickListener(click -> open(false));
        Div top = new Div(title, close);
        top.addClassName("filters-top");
        area = new AreaFilter(current, onChange, redraw);
        add(top, area);
        for (var group : List.of(Map.entry(FacetDimension.MODALITY, "Modality"), Map.entry(FacetDimension.REGION,
                        "Body region"), Map.entry(FacetDimension.LABEL, "Label"), Map.entry(FacetDimension.DATASET,
                        "Dataset"), Map.entry(FacetDimension.SUBMODALITY, "Sub-modality"),
                Map.entry(FacetDimension.AXIS, "Axis"))) {
            FacetDimension dimension = group.getKey();
            boolean searchable = dimension == FacetDimension.LABEL || dimension == FacetDimension.DATASET
                    || dimension == FacetDimension.SUBMODALITY;
            FacetGroup facet = new FacetGroup(dimension, group.getValue(), searchable,
                    chosen -> onChange.accept(FilterEdit.withValues(current.get(), dimension, chosen)));
            groups.put(dimension, facet);
            add(facet);
        }
    }

    /** Opens or closes the drawer (phones only; on wide screens the sidebar is always shown). */
    void open(boolean open) {
        setClassName("open", open);
    }

    /** @param fractions the area-fraction histogram, when the area filter shows percentages */
    void show(MaskFilter filter, FacetCounts facets, @Nullable List<FacetCounts.FractionBin> fractions) {
        groups.values().forEach(group -> group.show(facets.values().get(group.dimension()),
                filter.chosen(group.dimension())));
        area.show(filter, facets.area(), fractions);
        close.setText("Show " + Counted.of(facets.counts().masks(), "mask"));
    }
}
