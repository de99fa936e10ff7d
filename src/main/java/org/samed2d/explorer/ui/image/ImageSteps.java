package org.samed2d.explorer.ui.image;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samed2d.explorer.ui.base.KeyboardShortcuts;
import org.samed2d.explorer.ui.base.KeyboardShortcuts.Shortcut;
import org.samed2d.explorer.ui.explore.ExploreView;

/**
 * Steps from an image: the previous and next slice of its case and axis, the previous and next image matching the
 * filter the user came with, and back to the results where they were. Each has a key (← → P N, B).
 */
class ImageSteps extends Div {

    private final KeyboardShortcuts keys = new KeyboardShortcuts(false);

    ImageSteps() {
        addClassName("image-steps");
    }

    /** @param query the image page's query: the explore state it came from, passed on by every step */
    void show(Optional<Long> previousSlice, Optional<Long> nextSlice, Optional<Long> previousMatch,
              Optional<Long> nextMatch, QueryParameters query) {
        removeAll();
        List<Shortcut> shortcuts = new ArrayList<>();
        add(step("previous-slice", "Previous slice", VaadinIcon.ARROW_LEFT, previousSlice, query, "ArrowLeft", "←", shortcuts));
        add(step("next-slice", "Next slice", VaadinIcon.ARROW_RIGHT, nextSlice, query, "ArrowRight", "→", shortcuts));
        add(step("previous-match", "Previous match", VaadinIcon.ANGLE_DOUBLE_LEFT, previousMatch, query, "p", "P", shortcuts));
        add(step("next-match", "Next match", VaadinIcon.ANGLE_DOUBLE_RIGHT, nextMatch, query, "n", "N", shortcuts));
        RouterLink back = new RouterLink("Back to results", ExploreView.class);
        back.setQueryParameters(query);
        back.setId("back-to-results");
        shortcuts.add(Shortcut.click("b", "Back to results", "#back-to-results"));
        keys.set(shortcuts);
        add(back, keys);
    }

    private Button step(String id, String label, VaadinIcon icon, Optional<Long> target, QueryParameters query,
                        String key, String keyName, List<Shortcut> shortcuts) {
        Button button = new Button(label, icon.create());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setEnabled(target.isPresent());
        target.ifPresent(imageId -> button.addClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate("image/" + imageId, QueryParameters.fromString(query.getQueryString())))));
        button.setTooltipText(label + " (" + keyName + ")");
        shortcuts.add(Shortcut.click(key, label, "#" + id));
        return button;
    }
}
