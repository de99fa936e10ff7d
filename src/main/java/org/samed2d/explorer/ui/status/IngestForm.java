package org.samed2d.explorer.ui.status;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.samed2d.explorer.ingest.IngestBusyException;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.shared.InvalidParameterException;

/** Admins start an ingest of a release on the server (inside the configured ingest roots); the bars above show it. */
class IngestForm extends Div {

    IngestForm(IngestService ingest) {
        addClassName("ingest-form");
        TextField path = new TextField("Ingest a release on the server");
        path.setId("ingest-path");
        path.setPlaceholder("/dataset/SAMed2Dv1 or /dataset/SAMed2D_v1.zip");
        path.setWidth("min(32rem, 100%)");
        Paragraph message = new Paragraph();
        message.setId("ingest-message");
        Button start = new Button("Ingest", click -> {
            try {
                ingest.ingestRequested(path.getValue().strip());
                message.setText("Ingest started: progress above");
            } catch (InvalidParameterException | IngestBusyException e) {
                message.setText(e.getMessage());
            }
        });
        start.setId("start-ingest");
        Div form = new Div(path, start);
        form.addClassName("inline-form");
        add(form, message);
    }
}
