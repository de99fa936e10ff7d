package org.samed2d.explorer.ui.base;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 404 for a portal page the portal does not have. Vaadin serves the same bootstrap page for every path and
 * only resolves the route once the browser has loaded it, so a mistyped URL got 200 and then {@link NotFoundView}: a
 * link checker, a crawler or {@code curl} saw a page that exists. The page itself is unchanged (the browser still
 * shows the not-found view with its header and a way back); only its status says what it is.
 */
@Component
class UnknownPageStatus extends OncePerRequestFilter {

    /** Paths that are never portal pages: the REST API, actuator, Vaadin's own resources, the API docs. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/VAADIN/", "/v3/", "/swagger-ui");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !"GET".equals(request.getMethod())
                || request.getParameter("v-r") != null // Vaadin's own requests (init, UIDL, heartbeat, uploads)
                || last.contains(".") // a file: a static resource, the service worker, an icon
                || NOT_PAGES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = pathOf(request);
        if (isRoute(request, path.startsWith("/") ? path.substring(1) : path)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                // the bootstrap page is written as a success; a redirect (sign-in) or an error keeps its own status
                super.setStatus(status == HttpServletResponse.SC_OK ? HttpServletResponse.SC_NOT_FOUND : status);
            }
        });
    }

    /** The path within the portal, from its leading slash. */
    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isRoute(HttpServletRequest request, String path) {
        return RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(request.getServletContext()))).getRoute(path).isPresent();
    }
}
