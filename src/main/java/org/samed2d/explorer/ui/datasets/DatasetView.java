package org.samed2d.explorer.ui.datasets;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.samed2d.explorer.catalog.CatalogSummaries;
import org.samed2d.explorer.catalog.DatasetSummary;
import org.samed2d.explorer.catalog.SourceDataset;
import org.samed2d.explorer.catalog.SourceDatasets;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.search.SearchUnavailableException;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.ui.base.BarChart;
import org.samed2d.explorer.ui.base.BrowserSession;
import org.samed2d.explorer.ui.base.Histogram;
import org.samed2d.explorer.ui.base.MainLayout;
import org.samed2d.explorer.ui.explore.ExploreView;
import org.samed2d.explorer.ui.base.Counted;

/**
 * One source dataset: its figures, sample images, charts of its masks by modality, axis and label and its area
 * histogram (each bar opens Explore filtered to it), licence and citation.
 */
@Route(value = "datasets/:name", layout = MainLayout.class)
@AnonymousAllowed
public class DatasetView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CatalogSummaries summaries;
    private final SourceDatasets sources;
    private final SearchService search;
    private final PortalAccess access;
    private String title = "Dataset · SA-Med2D Explorer";

    DatasetView(CatalogSummaries summaries, SourceDatasets sources, SearchService search, PortalAccess access) {
        this.access = access;
        this.summaries = summaries;
        this.sources = sources;
        this.search = search;
        addClassName("dataset-view");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String name = event.getRouteParameters().get("name").orElse("");
        Optional<DatasetSummary> dataset = summaries.datasets().stream().filter(d -> d.name().equals(name)).findFirst();
        title = name + " · SA-Med2D Explorer";
        if (dataset.isEmpty()) {
            add(new H2("No dataset named " + name), new Paragraph("The catalog has no images from it."),
                    new RouterLink("All datasets", DatasetsView.class));
            return;
        }
        show(dataset.get(), sources.of(name));
    }

    private void show(DatasetSummary dataset, Optional<SourceDataset> source) {
        add(new H2(dataset.name()));
        source.map(SourceDataset::fullName).ifPresent(full -> add(new Paragraph(full)));
        Span figures = new Span(Counted.of(dataset.images(), "image") + " · " + Counted.of(dataset.masks(), "mask")
                + " · " + Counted.of(dataset.labels(), "label"));
        figures.addClassName("dataset-figures");
        SortedSet<String> only = new TreeSet<>(List.of(dataset.name()));
        MaskFilter filter = new MaskFilter(Map.of(FacetDimension.DATASET, only), MaskFilter.Bounds.ANY,
                MaskFilter.Bounds.ANY, MaskFilter.Bounds.ANY, MaskFilter.FractionBounds.ANY, null);
        RouterLink explore = new RouterLink("Explore its masks", ExploreView.class);
        explore.setQueryParameters(QueryParameters.simple(Map.of("dataset", dataset.name())));
        explore.addClassName("primary-link");
        add(figures, explore);
        try {
            add(new DatasetSamples(dataset.name(), search.imagesAt(filter, 0, DatasetSamples.SAMPLES)),
                    charts(dataset.name(), search.facets(filter)));
        } catch (SearchUnavailableException e) {
            // samples and charts need search; the figures, licence and citation come from the catalog
            Paragraph unavailable = new Paragraph("Search is unavailable right now: sample images and charts come "
                    + "back by themselves once it is.");
            unavailable.setId("search-unavailable-notice");
            add(unavailable);
        }
        add(new LicenceSection(dataset.name(), source, sources, BrowserSession.may(access, Role.ADMIN)));
    }

    private Div charts(String dataset, FacetCounts facets) {
        Div charts = new Div(
                new BarChart("Masks by modality", facets.values().get(FacetDimension.MODALITY), 20,
                        value -> explore(dataset, "modality", value)),
                new BarChart("Masks by axis", facets.values().get(FacetDimension.AXIS), 10,
                        value -> explore(dataset, "axis", value)),
                new BarChart("Masks by label", facets.values().get(FacetDimension.LABEL), 40,
                        value -> explore(dataset, "label", value)),
                areaChart(dataset, facets.area()));
        charts.addClassName("charts");
        return charts;
    }

    private Div areaChart(String dataset, List<FacetCounts.AreaBin> bins) {
        List<Histogram.Bar> bars = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            FacetCounts.AreaBin bin = bins.get(i);
            bars.add(new Histogram.Bar("%,d–%,d px".formatted(bin.min(), bin.max()), bin.count(), true,
                    i % 3 == 0 ? "%,d".formatted(bin.min()) : null));
        }
        Histogram histogram = new Histogram("Masks of " + dataset + " per area range", "mask area (px)",
                bin -> getUI().ifPresent(ui -> ui.navigate(ExploreView.class, QueryParameters.fromString(
                        explore(dataset, "areaMin", Long.toString(bins.get(bin).min())).substring(3)
                                + "&areaMax=" + bins.get(bin).max()))));
        histogram.show(bars);
        Div chart = new Div(new H3("Masks by area"), histogram);
        chart.addClassName("bar-chart");
        return chart;
    }

    /** Explore filtered to the dataset and one more value. */
    private static String explore(String dataset, String parameter, String value) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("dataset", List.of(dataset));
        query.put(parameter, List.of(value));
        return "./?" + new QueryParameters(query).getQueryString();
    }
}
