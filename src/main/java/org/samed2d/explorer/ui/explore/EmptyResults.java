package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.function.Consumer;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.ui.base.Counted;

/** What the results area says when nothing matches: how to get data in, or what to change, with suggestions. */
class EmptyResults extends Div {

    private final Consumer<MaskFilter> onChange;

    EmptyResults(Consumer<MaskFilter> onChange) {
        this.onChange = onChange;
        addClassName("empty-state");
        setId("empty-results");
    }

    void showEmptyCatalog() {
        removeAll();
        add(new H2("No data yet"), new Paragraph("The catalog is empty. Ingest a release with "
                + "java -jar sa-med2d-explorer.jar ingest PATH; it becomes searchable within seconds."));
    }

    void showNoMatch(List<TextSuggestions.Suggestion> suggestions) {
        removeAll();
        add(new H2("No mask matches"), new Paragraph("Nothing in the catalog matches all these filters. "
                + "Remove one of them, or start again."));
        if (!suggestions.isEmpty()) {
            Div tries = new Div();
            tries.addClassName("suggestions");
            tries.add(new Paragraph("Try instead:"));
            for (TextSuggestions.Suggestion suggestion : suggestions) {
                Button button = new Button(suggestion.text() + " (" + Counted.of(suggestion.masks(), "mask") + ")",
                        click -> onChange.accept(suggestion.filter()));
                button.addThemeVariants(ButtonVariant.LUMO_SMALL);
                button.addClassName("suggestion");
                tries.add(button);
            }
            add(tries);
        }
        Button clear = new Button("Clear all filters", click -> onChange.accept(MaskFilter.ALL));
        add(clear);
    }
}
