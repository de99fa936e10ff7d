package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Map;
import java.util.function.Consumer;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.ui.base.Counted;

/** Above the results: the filters button (phones), the search words, the order, the totals and the actions. */
class ResultsBar extends Div {

    private static final Map<MaskSort, String> SORTS = Map.of(MaskSort.ID, "Release order",
            MaskSort.AREA_DESCENDING, "Largest masks first", MaskSort.AREA, "Smallest masks first",
            MaskSort.RELEASE, "Dataset, case, slice");

    final TextField text = new TextField();
    final Select<MaskSort> sort = new Select<>();
    final Span totals = new Span();
    final Button filters = new Button("Filters", VaadinIcon.FILTER.create());

    /**
     * @param onText receives the new search words (null for none)
     * @param actions buttons at the end of the bar (export, saved views)
     */
    ResultsBar(Consumer<String> onText, Consumer<MaskSort> onSort, Runnable openFilters, Component... actions) {
        addClassName("explore-bar");
        filters.addClassName("filters-button");
        filters.setId("filters-button");
        filters.getElement().setAttribute("aria-controls", "filters");
        filters.addClickListener(click -> openFilters.run());
        text.setPlaceholder("Search names and modalities: liver ct");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addClassName("search-text");
        text.setId("search-text");
        text.getElement().setAttribute("aria-label", "Search words (press / to come here)");
        text.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                onText.accept(event.getValue().isBlank() ? null : event.getValue().strip());
            }
        });
        sort.setItems(MaskSort.ID, MaskSort.RELEASE, MaskSort.AREA_DESCENDING, MaskSort.AREA);
        sort.setItemLabelGenerator(SORTS::get);
        sort.setAriaLabel("Order");
        sort.setId("sort");
        sort.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                onSort.accept(event.getValue());
            }
        });
        totals.addClassName("totals");
        totals.setId("totals");
        totals.getElement().setAttribute("aria-live", "polite");
        Div buttons = new Div(actions);
        buttons.addClassName("explore-actions");
        add(filters, text, sort, totals, buttons);
    }

    void show(ExploreState state, MaskCounts matching, MaskCounts all) {
        MaskFilter filter = state.filter();
        text.setValue(filter.text() == null ? "" : filter.text());
        sort.setValue(state.sort());
        int active = FilterEdit.count(filter);
        filters.setText(active == 0 ? "Filters" : "Filters (" + active + ")");
        totals.setText(filter.isEmpty()
                ? Counted.masksOnImages(all.masks(), all.images())
                : Counted.masksOnImages(matching.masks(), matching.images()) + ", of "
                        + Counted.masksOnImages(all.masks(), all.images()));
    }
}
