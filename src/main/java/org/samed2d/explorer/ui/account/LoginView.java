package org.samed2d.explorer.ui.account;

import org.samed2d.explorer.ui.explore.ExploreView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.ui.base.BrowserSession;

/**
 * Sign in with an account's name and password; the form posts to Spring Security's login processing, which returns
 * to the page the visitor came from.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · SA-Med2D Explorer")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView(PortalAccess access) {
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        add(form, new Paragraph(access.publicMode()
                ? "You can browse without an account; segmentation and export need one."
                : "This portal is open to its users only."));
        if (access.publicMode()) {
            add(new RouterLink("Browse without signing in", ExploreView.class));
        }
        add(new Paragraph("No account? Ask the portal's admin."));
    }

    /** {@code ?continue=/path?query} (what the header's link sends) is where a successful sign-in returns to. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        parameters.getOrDefault("continue", java.util.List.of()).stream().findFirst()
                .ifPresent(BrowserSession::returnAfterSignIn);
    }
}
