package org.samed2d.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** How long sign-ins wait after failures, per account and per address, on a clock the test moves. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(clock,
            new SecurityProperties(true, "admin", null, 365, 5, 20));

    private void fail(String username, String address) {
        throttle.on(new AuthenticationFailureBadCredentialsEvent(attempt(username, address),
                new BadCredentialsException("bad")));
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, "x");
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }

    @Test
    void the_first_four_failures_cost_nothing_and_each_one_after_doubles_the_wait() {
        for (int i = 0; i < 4; i++) {
            fail("alice", "10.0.0.1");
            assertThat(throttle.wait("alice", "10.0.0.1")).isEmpty();
        }
        fail("alice", "10.0.0.1");
        assertThat(throttle.wait("alice", "10.0.0.1")).contains(Duration.ofSeconds(1));
        fail("alice", "10.0.0.1");
        assertThat(throttle.wait("alice", "10.0.0.1")).contains(Duration.ofSeconds(2));
        fail("alice", "10.0.0.1");
        assertThat(throttle.wait("Alice ", "10.0.0.9")).contains(Duration.ofSeconds(4));
        now = now.plusSeconds(4);
        assertThat(throttle.wait("alice", "10.0.0.1")).isEmpty();
        assertThat(List.of(LoginThrottle.delay(9), LoginThrottle.delay(10), LoginThrottle.delay(40)))
                .containsExactly(Duration.ofSeconds(512), LoginThrottle.LONGEST, LoginThrottle.LONGEST);
    }

    @Test
    void one_address_failing_at_many_accounts_waits_for_all_of_them_and_a_success_does_not_clear_it() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i, "10.0.0.2");
        }
        assertThat(throttle.wait("someone-else", "10.0.0.2")).contains(Duration.ofSeconds(1));
        assertThat(throttle.wait("someone-else", "10.0.0.3")).isEmpty();
        throttle.on(new AuthenticationSuccessEvent(attempt("user0", "10.0.0.2")));
        assertThat(throttle.wait("user0", "10.0.0.2")).contains(Duration.ofSeconds(1));
    }

    @Test
    void a_successful_sign_in_clears_its_accounts_failures() {
        for (int i = 0; i < 5; i++) {
            fail("bob", "10.0.0.4");
        }
        now = now.plusSeconds(1);
        throttle.on(new AuthenticationSuccessEvent(attempt("bob", "10.0.0.4")));
        fail("bob", "10.0.0.4");
        assertThat(throttle.wait("bob", "10.0.0.5")).isEmpty();
    }

    @Test
    void names_reach_the_log_without_line_breaks() {
        assertThat(LoginThrottle.printable("eve\nINFO forged line")).isEqualTo("eve?INFO forged line");
        assertThat(LoginThrottle.printable("x".repeat(100))).hasSize(67);
    }
}
