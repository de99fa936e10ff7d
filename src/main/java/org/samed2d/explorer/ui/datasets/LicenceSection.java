package org.samed2d.explorer.ui.datasets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Optional;
import org.samed2d.explorer.catalog.SourceDataset;
import org.samed2d.explorer.catalog.SourceDatasets;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.samed2d.explorer.ui.base.BrowserSession;

/** A dataset's licence and citation as far as confirmed; admins correct the table here for exports to come. */
class LicenceSection extends Div {

    LicenceSection(String name, Optional<SourceDataset> source, SourceDatasets sources, boolean admin) {
        addClassName("licence");
        add(new H3("Licence and citation"));
        if (source.isEmpty()) {
            add(new Paragraph("Licence: unknown. This dataset is not in the source table that ships with the app."));
        } else {
            SourceDataset known = source.get();
            add(new Paragraph("Licence: " + known.licence() + " · redistributable: " + known.redistributable()));
            if (known.citation() != null) {
                add(new Paragraph("Cite: " + known.citation()));
            }
            if (known.homepage() != null) {
                Anchor home = new Anchor(known.homepage(), "Dataset homepage");
                home.setTarget("_blank");
                home.getElement().setAttribute("rel", "noopener noreferrer");
                add(home);
            }
        }
        if (admin) {
            add(editor(name, source, sources));
        }
    }

    private Div editor(String name, Optional<SourceDataset> source, SourceDatasets sources) {
        TextField licence = new TextField("Licence");
        licence.setId("licence-text");
        licence.setValue(source.map(SourceDataset::licence).orElse("unknown"));
        Select<String> redistributable = new Select<>();
        redistributable.setLabel("Redistributable");
        redistributable.setId("licence-redistributable");
        redistributable.setItems("yes", "no", "conditional", "unknown");
        redistributable.setValue(source.map(SourceDataset::redistributable).orElse("unknown"));
        TextField citation = new TextField("Citation");
        citation.setWidth("min(30em, 100%)");
        citation.setValue(source.map(SourceDataset::citation).orElse(""));
        Paragraph message = new Paragraph();
        message.setId("licence-message");
        Button save = new Button("Save licence", click -> {
            try {
                String editor = BrowserSession.authentication() == null ? "admin" : BrowserSession.authentication().getName();
                sources.correct(name, licence.getValue(), redistributable.getValue(),
                        citation.getValue().isBlank() ? null : citation.getValue(), editor);
                getUI().ifPresent(ui -> ui.getPage().reload());
            } catch (InvalidParameterException e) {
                message.setText(e.getMessage());
            }
        });
        save.setId("save-licence");
        Div form = new Div(licence, redistributable, citation, save);
        form.addClassName("licence-form");
        Div editor = new Div(new H3("Correct the licence table"), form, message);
        editor.addClassName("licence-editor");
        return editor;
    }
}
