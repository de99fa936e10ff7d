package org.samed2d.explorer.ui.base;

import org.samed2d.explorer.ui.account.AccountView;
import org.samed2d.explorer.ui.account.ExportsView;
import org.samed2d.explorer.ui.account.LoginView;
import org.samed2d.explorer.ui.account.UsersView;
import org.samed2d.explorer.ui.datasets.DatasetsView;
import org.samed2d.explorer.ui.explore.ExploreView;
import org.samed2d.explorer.ui.status.DashboardView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HighlightConditions;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Role;

/**
 * The frame of every page: the name, the main sections, a link to the API and the account links. Outside public
 * mode it sends anonymous visitors to the login page.
 */
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout, BeforeEnterObserver {

    private final Main content = new Main();
    private final AuthenticationContext authentication;
    private final PortalAccess access;

    MainLayout(AuthenticationContext authentication, PortalAccess access) {
        this.authentication = authentication;
        this.access = access;
        addClassName("app");
        Span name = new Span("SA-Med2D Explorer");
        name.addClassName("app-name");
        RouterLink explore = new RouterLink("Explore", ExploreView.class);
        explore.setHighlightCondition(HighlightConditions.sameLocation());
        RouterLink datasets = new RouterLink("Datasets", DatasetsView.class);
        datasets.setHighlightCondition(HighlightConditions.locationPrefix("datasets"));
        Nav nav = new Nav(explore, datasets);
        // one account lookup for the whole header
        Role role = access.account(BrowserSession.authentication()).map(Account::role).orElse(null);
        if (role != null && role.includes(Role.RESEARCHER)) {
            nav.add(new RouterLink("Exports", ExportsView.class));
        }
        nav.add(new RouterLink("Status", DashboardView.class));
        if (role == Role.ADMIN) {
            nav.add(new RouterLink("Users", UsersView.class));
        }
        Anchor api = new Anchor("/swagger-ui.html", "REST API");
        api.setRouterIgnore(true);
        nav.add(api);
        nav.getElement().setAttribute("aria-label", "Sections");
        Header header = new Header(name, nav, accountLinks());
        header.addClassName("app-header");
        content.addClassName("app-content");
        add(header, content);
    }

    private Div accountLinks() {
        Div links = new Div();
        links.addClassName("account-links");
        authentication.getPrincipalName().ifPresentOrElse(user -> {
            RouterLink account = new RouterLink(user, AccountView.class);
            account.setId("account-link");
            Button signOut = new Button("Sign out", click -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            signOut.setId("sign-out");
            links.add(account, signOut);
        }, () -> {
            RouterLink signIn = new RouterLink("Sign in", LoginView.class);
            signIn.setId("sign-in");
            links.add(signIn);
        });
        return links;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!access.publicMode() && !authentication.isAuthenticated()) {
            event.forwardTo(LoginView.class);
        }
    }

    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement child) {
        content.getElement().removeAllChildren();
        content.getElement().appendChild(child.getElement());
    }
}
