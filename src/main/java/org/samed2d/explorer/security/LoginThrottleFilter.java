package org.samed2d.explorer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a sign-in attempt (POST /login) 429 with Retry-After while {@link LoginThrottle} holds its account or
 * client address back, before the password is even checked, so a right guess during the wait gains nothing.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getMethod().equals("POST") || !request.getServletPath().equals("/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = String.valueOf(request.getParameter("username"));
        Optional<Duration> wait = throttle.wait(username, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        log.warn("Refused a sign-in for '{}' from {}: too many failures, {} s to wait",
                LoginThrottle.printable(username), request.getRemoteAddr(), seconds);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!doctype html><title>Too many sign-in attempts</title>"
                + "<p>Too many failed sign-ins for this account or from your address. Try again in " + seconds
                + " seconds.</p><p><a href=\"login\">Back to sign-in</a></p>").getBytes(StandardCharsets.UTF_8));
    }
}
