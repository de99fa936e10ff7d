package org.samed2d.explorer.ui.status;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.samed2d.explorer.search.SearchUnavailableException;
import org.samed2d.explorer.ui.base.MainLayout;

/**
 * What a page that needs search shows while the search cluster cannot answer: that it is so, that the rest works,
 * and that nothing needs doing (the index catches up by itself). Answers 503, as the REST API does.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class SearchUnavailableView extends Div implements HasErrorParameter<SearchUnavailableException> {

    SearchUnavailableView() {
        addClassName("empty-state");
        setId("search-unavailable");
        add(new H2("Search is unavailable right now"),
                new Paragraph("The search cluster cannot be reached, so masks cannot be counted, filtered or listed "
                        + "at the moment. Everything else works: image pages, downloads, exports and the status page. "
                        + "Nothing needs doing; the index catches up with the catalog by itself as soon as the cluster "
                        + "is back. Reload this page in a few seconds."),
                new RouterLink("Status", DashboardView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<SearchUnavailableException> parameter) {
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
