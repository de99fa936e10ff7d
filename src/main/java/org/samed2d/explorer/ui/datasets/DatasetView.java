package org.samed2d.explorer.ui.datasets;

import org.samed2d.explorer.ui.base.BarChart;
import org.samed2d.explorer.ui.base.BrowserSession;
import org.samed2d.explorer.ui.base.MainLayout;
import org.samed2d.explorer.ui.explore.ExploreView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
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
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.shared.InvalidParameterException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** One source dataset: its figures, masks by modality, label and axis, licence and citation, and a way in. */
@Route(value = "datasets/:name", layout = MainLayout.class)
@com.vaadin.flow.server.auth.AnonymousAllowed
class DatasetView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CatalogSummaries summaries;
    private final SourceDatasets sources;
    private final SearchService search;
    private String title = "Dataset · SA-Med2D Explorer";

    private final PortalAccess access;

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
        Span figures = new Span("%,d images · %,d masks · %,d labels".formatted(dataset.images(), dataset.masks(),
                dataset.labels()));
        figures.addClassName("dataset-figures");
        SortedSet<String> only = new TreeSet<>(List.of(dataset.name()));
        MaskFilter filter = new MaskFilter(Map.of(FacetDimension.DATASET, only), MaskFilter.Bounds.ANY,
                MaskFilter.Bounds.ANY, MaskFilter.Bounds.ANY, MaskFilter.FractionBounds.ANY, null);
        RouterLink explore = new RouterLink("Explore its masks", ExploreView.class);
        explore.setQueryParameters(QueryParameters.simple(Map.of("dataset", dataset.name())));
        explore.addClassName("primary-link");
        add(figures, explore);

        FacetCounts facets = search.facets(filter);
        Div charts = new Div(new BarChart("Masks by modality", facets.values().get(FacetDimension.MODALITY), 20),
                new BarChart("Masks by axis", facets.values().get(FacetDimension.AXIS), 10),
                new BarChart("Masks by label", facets.values().get(FacetDimension.LABEL), 40));
        charts.addClassName("charts");
        add(charts);

        Div licence = new Div();
        licence.addClassName("licence");
        licence.add(new com.vaadin.flow.component.html.H3("Licence and citation"));
        if (source.isEmpty()) {
            licence.add(new Paragraph("Licence: unknown. This dataset is not in the source table that ships with the app."));
        } else {
            SourceDataset known = source.get();
            licence.add(new Paragraph("Licence: " + known.licence() + " · redistributable: " + known.redistributable()));
            if (known.citation() != null) {
                licence.add(new Paragraph("Cite: " + known.citation()));
            }
            if (known.homepage() != null) {
                Anchor home = new Anchor(known.homepage(), "Dataset homepage");
                home.setTarget("_blank");
                home.getElement().setAttribute("rel", "noopener noreferrer");
                licence.add(home);
            }
        }
        add(licence);
        if (BrowserSession.may(access, Role.ADMIN)) {
            add(licenceEditor(dataset.name(), source));
        }
    }

    /** Admins correct the licence table here; exports made from now on carry the correction. */
    private Div licenceEditor(String name, Optional<SourceDataset> source) {
        TextField licence = new TextField("Licence");
        licence.setId("licence-text");
        licence.setValue(source.map(SourceDataset::licence).orElse("unknown"));
        Select<String> redistributable = new Select<>();
        redistributable.setLabel("Redistributable");
        redistributable.setId("licence-redistributable");
        redistributable.setItems("yes", "no", "conditional", "unknown");
        redistributable.setValue(source.map(SourceDataset::redistributable).orElse("unknown"));
        TextField citation = new TextField("Citation");
        citation.setWidth("30em");
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
        HorizontalLayout form = new HorizontalLayout(licence, redistributable, citation, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div editor = new Div(new com.vaadin.flow.component.html.H3("Correct the licence table"), form, message);
        editor.addClassName("licence-editor");
        return editor;
    }
}
