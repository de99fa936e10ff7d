package org.samed2d.explorer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer TOKEN} on REST requests. A token that is unknown, expired or revoked is answered
 * 401 at once rather than treated as anonymous, so scripts learn their token is bad. A valid token replaces whatever
 * the session cookie authenticated: such a request is the token's alone, and only it may skip the CSRF check
 * ({@link #authenticatedByToken}), since a browser never adds a token on its own.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String AUTHENTICATED = BearerTokenFilter.class.getName() + ".authenticated";

    static boolean authenticatedByToken(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(AUTHENTICATED));
    }

    private final ApiTokens tokens;
    private final SecurityContextHolderStrategy contexts;

    BearerTokenFilter(ApiTokens tokens, SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.ValidToken> token = tokens.authenticate(header.substring(7).strip());
        if (token.isEmpty()) {
            ProblemResponses.unauthorized(request, response, "the API token is unknown, expired or revoked");
            return;
        }
        Account account = token.get().account();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(account, null,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        authentication.setDetails(token.get());
        request.setAttribute(AUTHENTICATED, true);
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
