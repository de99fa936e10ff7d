package org.samed2d.explorer.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.HighlightConditions;

/** The frame of every page: the name, the main sections and a link to the API. */
class MainLayout extends Div implements RouterLayout {

    private final Main content = new Main();

    MainLayout() {
        addClassName("app");
        Span name = new Span("SA-Med2D Explorer");
        name.addClassName("app-name");
        RouterLink explore = new RouterLink("Explore", ExploreView.class);
        explore.setHighlightCondition(HighlightConditions.sameLocation());
        RouterLink datasets = new RouterLink("Datasets", DatasetsView.class);
        datasets.setHighlightCondition(HighlightConditions.locationPrefix("datasets"));
        RouterLink exports = new RouterLink("Exports", ExportsView.class);
        RouterLink status = new RouterLink("Status", DashboardView.class);
        Anchor api = new Anchor("/swagger-ui.html", "REST API");
        api.setRouterIgnore(true);
        Nav nav = new Nav(explore, datasets, exports, status, api);
        nav.getElement().setAttribute("aria-label", "Sections");
        Header header = new Header(name, nav);
        header.addClassName("app-header");
        content.addClassName("app-content");
        add(header, content);
    }

    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement child) {
        content.getElement().removeAllChildren();
        content.getElement().appendChild(child.getElement());
    }
}
