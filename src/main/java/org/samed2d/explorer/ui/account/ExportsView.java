package org.samed2d.explorer.ui.account;

import org.samed2d.explorer.ui.base.BrowserSession;
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

/** The visitor's past exports (an admin sees everyone's) with their state and download links. */
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
        grid.addColumn(record -> "%,d".formatted(record.masks())).setHeader("Masks");
        grid.addColumn(record -> record.bytes() == null ? "" : "%,.1f MB".formatted(record.bytes() / 1e6)).setHeader("Size");
        grid.addColumn(record -> String.join(", ", record.filter().keySet())).setHeader("Filtered by").setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(record -> {
            if (!record.state().equals("done")) {
                return new Span(record.state() + (record.error() == null ? "" : ": " + record.error()));
            }
            Anchor link = new Anchor("/api/v1/exports/" + record.id() + "/download", "Download");
            link.setRouterIgnore(true);
            return link;
        })).setHeader("State").setAutoWidth(true);
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        add(grid);
    }
}
