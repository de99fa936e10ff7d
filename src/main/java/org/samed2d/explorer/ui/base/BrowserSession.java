package org.samed2d.explorer.ui.base;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The signed-in visitor of the current Vaadin request, and the CSRF token browser-side components send with their
 * own REST calls (the same session token the API's filter chain checks).
 */
public final class BrowserSession {

    private static final HttpSessionCsrfTokenRepository CSRF_TOKENS = new HttpSessionCsrfTokenRepository();

    private BrowserSession() {
    }

    public static @Nullable Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    public static boolean may(PortalAccess access, Role role) {
        return access.may(authentication(), role);
    }

    /**
     * Makes the next successful sign-in of this session return to {@code path} (checked by {@link ReturnPath}); the
     * sign-in success handler reads the attribute Vaadin's own access control uses for the same purpose.
     */
    public static void returnAfterSignIn(String path) {
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        ReturnPath.of(path).ifPresent(safe -> {
            if (current != null) {
                current.getWrappedSession().setAttribute(
                        com.vaadin.flow.server.auth.NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE, safe);
            }
        });
    }

    public static @Nullable String csrfToken() {
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        if (current == null) {
            return null;
        }
        HttpServletRequest request = current.getHttpServletRequest();
        CsrfToken token = CSRF_TOKENS.loadToken(request);
        if (token == null) {
            token = CSRF_TOKENS.generateToken(request);
            CSRF_TOKENS.saveToken(token, request, VaadinServletResponse.getCurrent().getHttpServletResponse());
        }
        return token.getToken();
    }
}
