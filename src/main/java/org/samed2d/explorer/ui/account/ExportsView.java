package org.samed2d.explorer.ui.account;

import org.samed2d.explorer.ui.base.BrowserSession;
import org.samed2d.explorer.ui.base.GridRows;
import org.samed2d.explorer.ui.base.MainLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.samed2d.explorer.export.ExportRecord;
import org.samed2d.explorer.export.ExportService;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Role;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The visitor's past exports (an admin sees everyone's): the filter values each was made with, its state and
 * download, and a link that opens the same selection in Explore.
 */
@Route(value = "exports", layout = MainLayout.class)
@RolesAllowed({"RESEARCHER", "ADMIN"})
@PageTitle("Exports · SA-Med2D Explorer")
public class ExportsView extends VerticalLayout {

    ExportsView(ExportService exports, PortalAccess access) {
        add(new H2("Exports"));
        boolean admin = BrowserSession.may(access, Role.ADMIN);
        String visitor = BrowserSession.authentication() == null ? "" : BrowserSession.authentication().getName();
        var list = exports.list().stream().filter(record -> record.visibleTo(visitor, admin)).toList();
        if (list.isEmpty()) {
            add(new Paragraph("No exports yet: choose filters on the Explore page, then Export."));
            return;
        }
        Grid<ExportRecord> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(record -> record.created().toString().replace('T', ' ').substring(0, 19)).setHeader("Created")
                .setAutoWidth(true);
        grid.addColumn(ExportRecord::format).setHeader("Format").setAutoWidth(true);
        grid.addColumn(record -> record.split() == null ? "" : "val %s, test %s by %s, seed %d".formatted(
                record.split().val(), record.split().test(), record.split().by(), record.split().seed()))
                .setHeader("Split").setAutoWidth(true);
        grid.addColumn(record -> "%,d".formatted(record.masks())).setHeader("Masks");
        grid.addColumn(record -> record.bytes() == null ? "" : "%,.1f MB".formatted(record.bytes() / 1e6)).setHeader("Size");
        grid.addColumn(record -> filterText(record.filter())).setHeader("Filter").setFlexGrow(2)
                .setTooltipGenerator(record -> filterText(record.filter()));
        grid.addColumn(new ComponentRenderer<>(record -> {
            Anchor open = new Anchor("./" + (record.filter().isEmpty() ? "" : "?"
                    + new QueryParameters(record.filter()).getQueryString()), "Open in Explore");
            open.addClassName("no-wrap");
            return open;
        })).setHeader("Selection").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(record -> {
            if (!record.state().equals("done")) {
                return new Span(record.state() + (record.error() == null ? "" : ": " + record.error()));
            }
            Anchor link = new Anchor("/api/v1/exports/" + record.id() + "/download", "Download");
            link.setRouterIgnore(true);
            return link;
        })).setHeader("State").setAutoWidth(true);
        grid.setItems(list);
        grid.setId("exports");
        GridRows.fit(grid, list.size());
        add(grid);
    }

    /** "label: liver, spleen · modality: ct"; "everything" for an export without a filter. */
    static String filterText(Map<String, List<String>> filter) {
        return filter.isEmpty() ? "everything" : filter.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
                .collect(Collectors.joining(" · "));
    }
}
