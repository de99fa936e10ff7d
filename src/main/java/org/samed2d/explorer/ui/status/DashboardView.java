package org.samed2d.explorer.ui.status;

import org.samed2d.explorer.ui.base.BrowserSession;
import org.samed2d.explorer.ui.base.MainLayout;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.samed2d.explorer.catalog.CatalogService;
import org.samed2d.explorer.catalog.CatalogStats;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.Progress;

/** The status page: the catalog's figures and any ingest or index build in progress, refreshed while open. */
@Route(value = "status", layout = MainLayout.class)
@com.vaadin.flow.server.auth.AnonymousAllowed
@PageTitle("Status · SA-Med2D Explorer")
public class DashboardView extends VerticalLayout {

    private static final int REFRESH_MILLIS = 1000;

    final Map<String, Span> figures = new LinkedHashMap<>();
    final ProgressBar progressBar = new ProgressBar();
    final Span progressText = new Span();
    final Paragraph emptyState = new Paragraph(
            "The catalog is empty. Ingest a release with: java -jar sa-med2d-explorer.jar ingest PATH");
    private final CatalogService catalog;
    private final IngestService ingest;
    private final SearchService search;
    private @org.jspecify.annotations.Nullable Registration pollRegistration;

    DashboardView(CatalogService catalog, IngestService ingest, SearchService search, PortalAccess access) {
        this.catalog = catalog;
        this.ingest = ingest;
        this.search = search;
        setPadding(true);
        setSpacing(true);
        setMaxWidth("72rem");

        Div cards = new Div();
        cards.addClassName("figures");
        for (String name : new String[] {"Images", "Masks", "Datasets", "Modalities", "Labels"}) {
            Span value = new Span("–");
            value.addClassName("figure-value");
            Span label = new Span(name);
            label.addClassName("figure-label");
            Div card = new Div(value, label);
            card.addClassName("figure");
            card.getElement().setAttribute("aria-label", name);
            figures.put(name, value);
            cards.add(card);
        }
        progressBar.setWidth("32rem");
        progressBar.setVisible(false);
        progressText.setVisible(false);
        add(new H1("Status"),
                new Paragraph("The SA-Med2D-20M medical segmentation dataset: images and masks by modality, anatomy "
                        + "and source."),
                cards, progressText, progressBar, emptyState);
        if (BrowserSession.may(access, Role.ADMIN)) {
            add(ingestForm());
        }
        refresh();
    }

    /** Admins start an ingest of a release on the server (inside the configured ingest roots); the bar above shows it. */
    private com.vaadin.flow.component.Component ingestForm() {
        com.vaadin.flow.component.textfield.TextField path = new com.vaadin.flow.component.textfield.TextField(
                "Ingest a release on the server");
        path.setId("ingest-path");
        path.setPlaceholder("/dataset/SAMed2Dv1 or /dataset/SAMed2D_v1.zip");
        path.setWidth("32rem");
        Paragraph message = new Paragraph();
        message.setId("ingest-message");
        com.vaadin.flow.component.button.Button start = new com.vaadin.flow.component.button.Button("Ingest", click -> {
            try {
                ingest.ingestRequested(path.getValue().strip());
                message.setText("Ingest started: progress above");
            } catch (org.samed2d.explorer.shared.InvalidParameterException
                     | org.samed2d.explorer.ingest.IngestBusyException e) {
                message.setText(e.getMessage());
            }
        });
        start.setId("start-ingest");
        com.vaadin.flow.component.orderedlayout.HorizontalLayout form =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(path, start);
        form.setAlignItems(Alignment.BASELINE);
        return new Div(form, message);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(REFRESH_MILLIS);
        pollRegistration = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (pollRegistration != null) {
            pollRegistration.remove();
        }
    }

    void refresh() {
        CatalogStats stats = catalog.stats();
        show("Images", stats.images());
        show("Masks", stats.masks());
        show("Datasets", stats.datasets());
        show("Modalities", stats.modalities());
        show("Labels", stats.labels());
        Progress progress = ingest.status().running() ? ingest.status() : search.status();
        boolean running = progress.running();
        progressBar.setVisible(running);
        progressText.setVisible(running || stats.masksWithoutGeometry() > 0);
        if (running) {
            progressBar.setValue(progress.fraction());
            progressText.setText((progress.phase().startsWith("index") ? "Search index: " : "Ingest in progress: ")
                    + progress.line("masks"));
        } else if (stats.masksWithoutGeometry() > 0) {
            progressText.setText("%,d masks wait for their geometry to be measured".formatted(stats.masksWithoutGeometry()));
        }
        emptyState.setVisible(stats.images() == 0 && !running);
    }

    private void show(String figure, long value) {
        figures.get(figure).setText("%,d".formatted(value));
    }
}
