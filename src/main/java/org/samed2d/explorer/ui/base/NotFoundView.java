package org.samed2d.explorer.ui.base;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.samed2d.explorer.ui.explore.ExploreView;

/**
 * The portal's page for a path it does not have, with its header and a way back: open to everyone, so a mistyped
 * URL is a 404 for signed-in and anonymous visitors alike, not a refusal or the sign-in form.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        addClassName("not-found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        String path = "/" + event.getLocation().getPath();
        add(new H2("Page not found"), new Paragraph("The portal has no page at " + path + ". The link may be mistyped "
                + "or out of date."), new RouterLink("Go to Explore", ExploreView.class));
        event.getUI().getPage().setTitle("Not found · SA-Med2D Explorer");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
