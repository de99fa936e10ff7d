package org.samed2d.explorer.ui.base;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HighlightConditions;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.ui.account.AccountView;
import org.samed2d.explorer.ui.account.ExportsView;
import org.samed2d.explorer.ui.account.LoginView;
import org.samed2d.explorer.ui.account.UsersView;
import org.samed2d.explorer.ui.datasets.DatasetsView;
import org.samed2d.explorer.ui.explore.ExploreView;
import org.samed2d.explorer.ui.status.DashboardView;

/**
 * The frame of every page: a skip link, the name, the main sections (behind a menu button on phones), the colour
 * scheme switch and the account links, and the keys that work everywhere ("/" and "?"). Outside public mode it
 * sends anonymous visitors to sign in, and back to the page they asked for afterwards.
 */
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout, BeforeEnterObserver, AfterNavigationObserver {

    private final Main content = new Main();
    private final Header header = new Header();
    private final Anchor skip = new Anchor("#content", "Skip to content");
    private final Button menu = new Button(VaadinIcon.MENU.create());
    private final AuthenticationContext authentication;
    private final PortalAccess access;

    MainLayout(AuthenticationContext authentication, PortalAccess access) {
        this.authentication = authentication;
        this.access = access;
        addClassName("app");
        skip.addClassName("skip-link");
        skip.setRouterIgnore(true);
        // the results grid (or the page's main part) takes the focus, not just the scroll position
        skip.getElement().setAttribute("onclick", "event.preventDefault(); const t = document.querySelector("
                + "'[data-skip-target]') || document.getElementById('content'); t.focus();");
        Span rest = new Span(" Explorer");
        rest.addClassName("app-name-rest");
        Span name = new Span(new Span("SA-Med2D"), rest);
        name.addClassName("app-name");
        Nav nav = sections();
        menu.addClassName("menu-button");
        menu.setAriaLabel("Menu");
        menu.setTooltipText("Sections");
        menu.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        menu.getElement().setAttribute("aria-expanded", "false");
        menu.getElement().setAttribute("aria-controls", "sections");
        menu.addClickListener(click -> openMenu(!header.hasClassName("nav-open")));
        KeyboardShortcuts keys = new KeyboardShortcuts(true);
        keys.set(List.of(KeyboardShortcuts.Shortcut.focus("/", "Search (on Explore)", "#search-text")));
        header.add(skip, menu, name, nav, new ColourSchemeToggle(), accountLinks(), keys);
        header.addClassName("app-header");
        content.addClassName("app-content");
        content.setId("content");
        content.getElement().setAttribute("tabindex", "-1");
        add(header, content);
    }

    private Nav sections() {
        RouterLink explore = new RouterLink("Explore", ExploreView.class);
        explore.setHighlightCondition(HighlightConditions.sameLocation());
        RouterLink datasets = new RouterLink("Datasets", DatasetsView.class);
        datasets.setHighlightCondition(HighlightConditions.locationPrefix("datasets"));
        Nav nav = new Nav(explore, datasets);
        nav.setId("sections");
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
        return nav;
    }

    private void openMenu(boolean open) {
        header.setClassName("nav-open", open);
        menu.getElement().setAttribute("aria-expanded", String.valueOf(open));
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
            // the link carries the page as it is when clicked (the grid keeps its position in the URL itself)
            Anchor signIn = new Anchor("/login", "Sign in");
            signIn.setId("sign-in");
            signIn.getElement().setAttribute("onclick", "this.href = '/login?continue=' + "
                    + "encodeURIComponent(location.pathname + location.search)");
            links.add(signIn);
        });
        return links;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!access.publicMode() && !authentication.isAuthenticated()) {
            BrowserSession.returnAfterSignIn("/" + event.getLocation().getPathWithQueryParameters());
            event.forwardTo(LoginView.class);
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        openMenu(false);
        skip.setText(event.getActiveChain().stream().anyMatch(ExploreView.class::isInstance) ? "Skip to results"
                : "Skip to content");
    }

    @Override
    public void showRouterLayoutContent(HasElement child) {
        content.getElement().removeAllChildren();
        content.getElement().appendChild(child.getElement());
    }
}
