package org.samed2d.explorer.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.samed2d.explorer.search.FacetDimension;

/**
 * One dimension of the sidebar: its values as checkboxes with their exact counts, largest first; long lists get a
 * search field and show the top values until searched.
 */
class FacetGroup extends Details {

    private static final int SHOWN = 30;

    private final FacetDimension dimension;
    private final CheckboxGroup<String> values = new CheckboxGroup<>();
    private final TextField search = new TextField();
    private final Span more = new Span();
    private Map<String, Long> counts = Map.of();
    private Set<String> chosen = Set.of();

    FacetGroup(FacetDimension dimension, String title, boolean searchable, Consumer<Set<String>> onChange) {
        this.dimension = dimension;
        setSummaryText(title);
        setOpened(true);
        addClassName("facet");
        values.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        values.setItemLabelGenerator(value -> "%s  (%,d)".formatted(value, counts.getOrDefault(value, 0L)));
        values.getElement().setAttribute("aria-label", title);
        values.setId("facet-" + dimension.parameter());
        values.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                onChange.accept(new LinkedHashSet<>(event.getValue()));
            }
        });
        search.setPlaceholder("Search " + title.toLowerCase(Locale.ROOT));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(event -> render());
        search.setVisible(searchable);
        more.addClassName("facet-more");
        VerticalLayout body = new VerticalLayout(search, values, more);
        body.setPadding(false);
        body.setSpacing(false);
        add(body);
    }

    FacetDimension dimension() {
        return dimension;
    }

    void show(Map<String, Long> newCounts, Set<String> newChosen) {
        counts = newCounts;
        chosen = newChosen;
        render();
    }

    private void render() {
        String needle = search.getValue().strip().toLowerCase(Locale.ROOT);
        List<String> items = new ArrayList<>(chosen);
        int hidden = 0;
        for (String value : counts.keySet()) {
            if (chosen.contains(value) || !value.toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            if (items.size() < SHOWN + chosen.size()) {
                items.add(value);
            } else {
                hidden++;
            }
        }
        values.setItems(items);
        values.setValue(chosen);
        more.setText(hidden > 0 ? "%,d more: search to find them".formatted(hidden) : "");
        more.setVisible(hidden > 0);
        if (counts.isEmpty() && chosen.isEmpty()) {
            more.setText("no values");
            more.setVisible(true);
        }
    }
}
