package org.samed2d.explorer.ui.datasets;

import org.samed2d.explorer.ui.base.MainLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.samed2d.explorer.catalog.CatalogSummaries;
import org.samed2d.explorer.catalog.DatasetSummary;
import org.samed2d.explorer.catalog.SourceDataset;
import org.samed2d.explorer.catalog.SourceDatasets;

/** Every source dataset in the catalog with its figures and licence. */
@Route(value = "datasets", layout = MainLayout.class)
@com.vaadin.flow.server.auth.AnonymousAllowed
@PageTitle("Datasets · SA-Med2D Explorer")
public class DatasetsView extends VerticalLayout {

    DatasetsView(CatalogSummaries summaries, SourceDatasets sources) {
        addClassName("datasets-view");
        List<DatasetSummary> datasets = summaries.datasets();
        add(new H2("Source datasets"));
        if (datasets.isEmpty()) {
            add(new Paragraph("No data yet: ingest a release to see its source datasets here."));
            return;
        }
        Grid<DatasetSummary> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(new ComponentRenderer<>(d -> new Anchor("datasets/" + d.name(), d.name())))
                .setHeader("Dataset").setAutoWidth(true).setComparator(DatasetSummary::name);
        grid.addColumn(d -> String.join(", ", d.modalities().keySet())).setHeader("Modalities").setAutoWidth(true);
        grid.addColumn(d -> "%,d".formatted(d.images())).setHeader("Images").setComparator(DatasetSummary::images);
        grid.addColumn(d -> "%,d".formatted(d.masks())).setHeader("Masks").setComparator(DatasetSummary::masks);
        grid.addColumn(DatasetSummary::labels).setHeader("Labels").setComparator(DatasetSummary::labels);
        grid.addColumn(d -> sources.of(d.name()).map(SourceDataset::licence).orElse("unknown"))
                .setHeader("Licence").setFlexGrow(2);
        grid.setItems(datasets);
        grid.setAllRowsVisible(true);
        grid.setId("datasets");
        add(grid);
    }
}
