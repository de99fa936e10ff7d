package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Consumer;
import org.samed2d.explorer.search.MaskFilter;

/** Every filter that applies as a removable chip, and "Clear all". */
class FilterChips extends Div {

    private final Div chips = new Div();
    private final Button clearAll = new Button("Clear all");

    FilterChips(Consumer<MaskFilter> onChange) {
        addClassName("active-filters");
        chips.addClassName("chips");
        clearAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        clearAll.setId("clear-all");
        clearAll.addClickListener(click -> onChange.accept(MaskFilter.ALL));
        add(chips, clearAll);
        this.onChange = onChange;
    }

    private final Consumer<MaskFilter> onChange;

    void show(MaskFilter filter) {
        chips.removeAll();
        for (Chips.Chip chip : Chips.of(filter)) {
            Button button = new Button(chip.label(), VaadinIcon.CLOSE_SMALL.create(), click -> onChange.accept(chip.without()));
            button.setIconAfterText(true);
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            button.addClassName("chip");
            button.setAriaLabel("Remove filter " + chip.label());
            chips.add(button);
        }
        clearAll.setVisible(!filter.isEmpty());
        setVisible(!filter.isEmpty());
    }
}
