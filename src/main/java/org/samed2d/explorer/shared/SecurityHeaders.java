package org.samed2d.explorer.shared;

import java.util.Map;

/**
 * The security headers every answer carries: Spring Security writes them for the portal and the API, and the web
 * server's own error answers (written before any filter runs) add the same.
 */
public final class SecurityHeaders {

    /** Vaadin's bootstrap needs inline scripts, eval and inline styles; nothing may be loaded from elsewhere. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' "
            + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Header name to value, in a fixed order. */
    public static final Map<String, String> ALL = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
            Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY, "X-Content-Type-Options", "nosniff",
                    "X-Frame-Options", "DENY", "Referrer-Policy", "same-origin")));

    private SecurityHeaders() {
    }
}
