package org.samed2d.explorer.ui.status;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogService;
import org.samed2d.explorer.catalog.CatalogStats;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.search.SearchUnavailableException;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.shared.Progress;
import org.samed2d.explorer.ui.base.BarChart;
import org.samed2d.explorer.ui.base.BrowserSession;
import org.samed2d.explorer.ui.base.MainLayout;

/**
 * The status page: the catalog's figures, a progress bar each for ingest, mask geometry and the search index, and
 * the catalog per modality as a chart; refreshed every second while open.
 */
@Route(value = "status", layout = MainLayout.class)
@AnonymousAllowed
@PageTitle("Status · SA-Med2D Explorer")
public class DashboardView extends VerticalLayout {

    private static final int REFRESH_MILLIS = 1000;

    final Map<String, Span> figures = new LinkedHashMap<>();
    final ProgressRow ingestRow = new ProgressRow("progress-ingest", "Ingest");
    final ProgressRow geometryRow = new ProgressRow("progress-geometry", "Mask geometry");
    final ProgressRow indexRow = new ProgressRow("progress-index", "Search index");
    final Paragraph emptyState = new Paragraph(
            "The catalog is empty. Ingest a release with: java -jar sa-med2d-explorer.jar ingest PATH");
    private final Div modalities = new Div();
    private final CatalogService catalog;
    private final IngestService ingest;
    private final SearchService search;
    private long chartedMasks = -1;
    private @Nullable Registration pollRegistration;

    DashboardView(CatalogService catalog, IngestService ingest, SearchService search, PortalAccess access) {
        this.catalog = catalog;
        this.ingest = ingest;
        this.search = search;
        setPadding(false);
        setSpacing(true);
        setMaxWidth("72rem");
        addClassName("status-view");
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
        Div progress = new Div(new H3("Progress"), ingestRow, geometryRow, indexRow);
        progress.addClassName("progress-rows");
        modalities.addClassName("status-modalities");
        add(new H1("Status"), new Paragraph("The SA-Med2D-20M medical segmentation dataset: images and masks by "
                + "modality, anatomy and source."), cards, emptyState, progress, modalities);
        if (BrowserSession.may(access, Role.ADMIN)) {
            add(new IngestForm(ingest));
        }
        refresh();
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
        Progress running = ingest.status();
        if (running.running() && !running.phase().equals("geometry")) {
            ingestRow.show(running.total() > 0 ? running.fraction() : -1, "Reading names: " + running.line("masks"));
        } else {
            ingestRow.show(1, running.running() ? "Names read; measuring masks" : "Idle: every listed mask is catalogued");
        }
        long measured = stats.masks() - stats.masksWithoutGeometry();
        geometryRow.show(stats.masks() == 0 ? 0 : (double) measured / stats.masks(),
                "%,d of %,d masks measured (area, box, centroid)".formatted(measured, stats.masks()));
        emptyState.setVisible(stats.images() == 0 && !running.running());
        try {
            showIndex(stats.masks());
        } catch (SearchUnavailableException e) {
            // the status page is where a user looks when search is down: the catalog's figures still show
            indexRow.show(0, "Search is unavailable right now; the index catches up by itself once it is back");
        }
    }

    private void showIndex(long catalogued) {
        Progress index = search.status();
        long indexed = search.counts(MaskFilter.ALL).masks();
        indexRow.show(index.running() && index.total() > 0 ? index.fraction() : catalogued == 0 ? 0
                        : Math.min(1, (double) indexed / catalogued),
                index.running() ? "Building: " + index.line("masks") : "%,d of %,d masks searchable (%s)".formatted(
                        indexed, catalogued, search.engineName().equals("opensearch") ? "OpenSearch cluster"
                                : "this server's Lucene index"));
        if (indexed != chartedMasks) {
            chartedMasks = indexed;
            modalities.removeAll();
            modalities.add(new BarChart("The catalog per modality (masks)", search.facets(MaskFilter.ALL).values()
                    .get(FacetDimension.MODALITY), 30, value -> "./?" + QueryParameters.simple(Map.of("modality", value))
                    .getQueryString()));
        }
    }

    private void show(String figure, long value) {
        figures.get(figure).setText("%,d".formatted(value));
    }
}
