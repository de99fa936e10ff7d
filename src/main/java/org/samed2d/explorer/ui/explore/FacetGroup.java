package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.samed2d.explorer.search.FacetDimension;

/**
 * One dimension of the sidebar: its values as checkboxes with their exact counts, largest first, each a whole row
 * to click; long lists get a search field and show the top values until searched or shown further. Checkboxes are kept and updated in place between clicks
 * (only labels and order change), which keeps each click's round trip small.
 */
class FacetGroup extends Details {

    private static final int FIRST_SHOWN = 12;
    private static final int MORE = 40;

    private final FacetDimension dimension;
    private final Div values = new Div();
    private final TextField search = new TextField();
    private final Span more = new Span();
    private final com.vaadin.flow.component.button.Button showMore = new com.vaadin.flow.component.button.Button();
    private int shownLimit = FIRST_SHOWN;
    private final Map<String, Checkbox> boxes = new HashMap<>();
    private final Consumer<Set<String>> onChange;
    private List<String> shown = List.of();
    private Map<String, Long> counts = Map.of();
    private Set<String> chosen = Set.of();

    FacetGroup(FacetDimension dimension, String title, boolean searchable, Consumer<Set<String>> onChange) {
        this.dimension = dimension;
        this.onChange = onChange;
        setSummaryText(title);
        setOpened(true);
        addClassName("facet");
        values.addClassName("facet-values");
        values.setId("facet-" + dimension.parameter());
        values.getElement().setAttribute("role", "group");
        values.getElement().setAttribute("aria-label", title);
        // a vaadin-checkbox toggles only on its box and its text; a click on the rest of its row does the same
        values.getElement().executeJs("""
                this.addEventListener('click', event => {
                  const path = event.composedPath();
                  const box = path.find(node => node.localName === 'vaadin-checkbox');
                  if (box && (path[0] === box || path[0].classList?.contains('vaadin-checkbox-container'))) {
                    box.querySelector('input').click();
                  }
                });""");
        search.setPlaceholder("Search " + title.toLowerCase(Locale.ROOT));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(event -> render());
        search.setVisible(searchable);
        more.addClassName("facet-more");
        showMore.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        showMore.addClassName("facet-show-more");
        showMore.addClickListener(click -> {
            shownLimit += MORE;
            render();
        });
        VerticalLayout body = new VerticalLayout(search, values, more, showMore);
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
            if (items.size() < shownLimit + chosen.size()) {
                items.add(value);
            } else {
                hidden++;
            }
        }
        for (String value : items) {
            Checkbox box = boxes.computeIfAbsent(value, this::checkbox);
            box.setLabel("%s  (%,d)".formatted(value, counts.getOrDefault(value, 0L)));
            box.setValue(chosen.contains(value));
        }
        if (!items.equals(shown)) {
            values.removeAll();
            values.add(items.stream().map(boxes::get).toArray(Component[]::new));
            shown = List.copyOf(items);
        }
        more.setText(counts.isEmpty() && chosen.isEmpty() ? "no values" : "");
        more.setVisible(!more.getText().isEmpty());
        showMore.setText("Show %,d more of %,d".formatted(Math.min(MORE, hidden), hidden));
        showMore.setVisible(hidden > 0);
    }

    private Checkbox checkbox(String value) {
        Checkbox box = new Checkbox();
        box.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                Set<String> next = new LinkedHashSet<>(chosen);
                if (event.getValue()) {
                    next.add(value);
                } else {
                    next.remove(value);
                }
                onChange.accept(next);
            }
        });
        return box;
    }
}
