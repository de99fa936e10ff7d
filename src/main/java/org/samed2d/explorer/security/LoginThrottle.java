package org.samed2d.explorer.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing at the portal's sign-in, per account and per client address: after a number of
 * failures in a row each further attempt waits, twice as long after every failure (1 s, 2 s, 4 s, ... up to
 * {@link #LONGEST}). A successful sign-in clears its account's count, not its address's, so one valid account does
 * not unlock guessing at others. Counts are kept in memory on each instance; they fade a day (account) or an hour
 * (address) after the last failure.
 */
@Component
class LoginThrottle {

    static final Duration LONGEST = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Clock clock;
    private final int freeAccountFailures;
    private final int freeAddressFailures;
    private final Cache<String, Failures> accounts = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofDays(1)).build();
    private final Cache<String, Failures> addresses = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(1)).build();

    LoginThrottle(Clock clock, SecurityProperties properties) {
        this.clock = clock;
        this.freeAccountFailures = properties.loginFailuresPerAccount();
        this.freeAddressFailures = properties.loginFailuresPerAddress();
    }

    /** Failures in a row, and until when the next attempt must wait. */
    private record Failures(int count, Instant blockedUntil) {
    }

    /** How long a sign-in for this account from this address must still wait; empty when it may go ahead. */
    Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil(accounts, key(username)), blockedUntil(addresses, address));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String username = key(event.getAuthentication().getName());
        String address = address(event.getAuthentication());
        int inARow = fail(accounts, username, freeAccountFailures);
        fail(addresses, address, freeAddressFailures);
        log.warn("Sign-in failed for '{}' from {} ({} in a row): {}", printable(username), address, inARow,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        accounts.invalidate(key(event.getAuthentication().getName()));
    }

    private int fail(Cache<String, Failures> counts, String key, int free) {
        Instant now = clock.instant();
        Failures next = counts.asMap().compute(key, (k, earlier) -> {
            int count = earlier == null ? 1 : earlier.count() + 1;
            return new Failures(count, count < free ? now : now.plus(delay(count - free)));
        });
        return next.count();
    }

    /** 1 s after the first failure beyond the free ones, doubling, at most {@link #LONGEST}. */
    static Duration delay(int beyondFree) {
        return beyondFree >= 10 ? LONGEST : Duration.ofSeconds(Math.min(LONGEST.toSeconds(), 1L << beyondFree));
    }

    private Instant blockedUntil(Cache<String, Failures> counts, String key) {
        Failures failures = counts.getIfPresent(key);
        return failures == null ? Instant.EPOCH : failures.blockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String key(@Nullable String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    /** A name as typed may hold line breaks or escapes; the log gets it defanged and short. */
    static String printable(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
