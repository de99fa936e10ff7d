package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Supplier;
import org.samed2d.explorer.savedview.SavedView;
import org.samed2d.explorer.savedview.SavedViewService;
import org.samed2d.explorer.shared.InvalidParameterException;

/** The visitor's saved views: save the page as it is under a name; open, rename or delete the ones saved before. */
class SavedViewsDialog extends Dialog {

    private final SavedViewService views;
    private final String owner;
    private final Supplier<ExploreState> current;
    private final TextField name = new TextField("Save this view as");
    private final Paragraph message = new Paragraph();
    private final Div list = new Div();

    SavedViewsDialog(SavedViewService views, String owner, Supplier<ExploreState> current) {
        this.views = views;
        this.owner = owner;
        this.current = current;
        setHeaderTitle("Saved views");
        setId("saved-views");
        setWidth("min(34rem, 96vw)");
        name.setId("saved-view-name");
        name.setPlaceholder("e.g. Liver CT over 1 %");
        name.setMaxLength(100);
        Button save = new Button("Save", click -> act(() -> {
            ExploreState state = current.get();
            views.save(owner, name.getValue(), new ExploreState(state.filter(), state.sort(), 0).toQuery().getQueryString());
            message.setText("Saved " + name.getValue().strip());
            name.clear();
        }));
        save.setId("save-view");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(name, save);
        form.addClassName("saved-view-form");
        message.setId("saved-views-message");
        list.addClassName("saved-view-list");
        list.setId("saved-view-list");
        add(form, message, list);
        getFooter().add(new Button("Close", click -> close()));
        refresh();
    }

    private void refresh() {
        list.removeAll();
        var saved = views.list(owner);
        if (saved.isEmpty()) {
            list.add(new Paragraph("None yet. Views you save appear here, newest first."));
        }
        saved.forEach(view -> list.add(row(view)));
    }

    private Div row(SavedView view) {
        Anchor open = new Anchor(view.query().isEmpty() ? "./" : "./?" + view.query(), view.name());
        open.addClassName("saved-view-open");
        open.getElement().addEventListener("click", click -> close());
        TextField rename = new TextField();
        rename.setAriaLabel("New name for " + view.name());
        rename.setValue(view.name());
        rename.setVisible(false);
        Button renameButton = new Button("Rename");
        renameButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        renameButton.addClickListener(click -> {
            if (!rename.isVisible()) {
                rename.setVisible(true);
                open.setVisible(false);
                renameButton.setText("Save name");
                rename.focus();
            } else {
                act(() -> views.rename(owner, view.id(), rename.getValue()));
            }
        });
        rename.addKeyDownListener(com.vaadin.flow.component.Key.ENTER, enter ->
                act(() -> views.rename(owner, view.id(), rename.getValue())));
        Button delete = new Button("Delete", click -> act(() -> {
            views.delete(owner, view.id());
            message.setText("Deleted " + view.name());
        }));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Div row = new Div(open, rename, renameButton, delete);
        row.addClassName("saved-view");
        return row;
    }

    private void act(Runnable change) {
        try {
            change.run();
            refresh();
        } catch (InvalidParameterException e) {
            message.setText(e.getMessage());
        }
    }
}
