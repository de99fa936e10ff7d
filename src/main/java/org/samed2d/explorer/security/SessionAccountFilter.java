package org.samed2d.explorer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request a portal session authenticates sees the account as it is now: when an admin has since changed its
 * role, disabled it or set its password (or removed it), the session ends here and the request goes on as
 * anonymous, to be refused or sent to sign in like any other. One indexed query per signed-in request; no cache, so
 * a change takes effect on the very next request, on every instance.
 */
final class SessionAccountFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionAccountFilter.class);

    private final UserAccounts accounts;
    private final SecurityContextHolderStrategy contexts;

    SessionAccountFilter(UserAccounts accounts, SecurityContextHolderStrategy contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount signedIn) {
            Optional<String> now = accounts.fingerprint(signedIn.getUsername());
            if (now.isEmpty() || !now.get().equals(signedIn.fingerprint())) {
                log.info("Ended a portal session of '{}': the account was changed or disabled since it signed in",
                        signedIn.getUsername());
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
