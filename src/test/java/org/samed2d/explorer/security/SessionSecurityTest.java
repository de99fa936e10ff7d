package org.samed2d.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.PortalSession;
import org.samed2d.explorer.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions and tokens see their account as it is now; tokens cannot outlive themselves; only a valid bearer token
 * skips CSRF; signing in needs the page's CSRF token and slows down after repeated failures.
 */
@ExplorerTest
@ExtendWith(OutputCaptureExtension.class)
class SessionSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    private String newAccount(String kind, Role role) {
        String name = kind + "-" + System.nanoTime();
        accounts.add(name, TestAccounts.PASSWORD, role);
        return name;
    }

    private LocalApi admin() {
        return new TestAccounts(accounts, tokens).api(port, Role.ADMIN);
    }

    @Test
    void an_admin_demoted_and_disabled_by_another_loses_the_portal_session_at_once() throws Exception {
        String demoted = newAccount("demoted", Role.ADMIN);
        PortalSession session = new PortalSession(port).signedIn(demoted, TestAccounts.PASSWORD);
        assertThat(session.get("/api/v1/users").statusCode()).isEqualTo(200);
        assertThat(session.get("/actuator/prometheus").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = admin().send("PATCH", "/api/v1/users/" + demoted,
                "{\"role\": \"viewer\", \"enabled\": false}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        assertThat(session.get("/api/v1/users").statusCode()).isEqualTo(401);
        assertThat(session.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(session.send("PATCH", "/api/v1/users/" + demoted, "{\"role\": \"admin\", \"enabled\": true}")
                .statusCode()).isIn(401, 403);
        assertThat(accounts.find(demoted)).hasValueSatisfying(account -> {
            assertThat(account.role()).isEqualTo(Role.VIEWER);
            assertThat(account.enabled()).isFalse();
        });
        // the portal's own pages send the ended session to sign in again
        assertThat(session.get("/users").statusCode()).isIn(302, 401, 403);
    }

    @Test
    void a_researcher_whose_password_an_admin_changed_is_signed_out_while_other_accounts_stay_signed_in()
            throws Exception {
        String researcher = newAccount("rekeyed", Role.RESEARCHER);
        String bystander = newAccount("bystander", Role.RESEARCHER);
        PortalSession session = new PortalSession(port).signedIn(researcher, TestAccounts.PASSWORD);
        PortalSession other = new PortalSession(port).signedIn(bystander, TestAccounts.PASSWORD);
        assertThat(session.get("/api/v1/exports").statusCode()).isEqualTo(200);

        admin().send("PATCH", "/api/v1/users/" + researcher, "{\"password\": \"a brand new password\"}");

        assertThat(session.get("/api/v1/exports").statusCode()).isEqualTo(401);
        assertThat(other.get("/api/v1/exports").statusCode()).isEqualTo(200);
        assertThat(new PortalSession(port).signIn(researcher, TestAccounts.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("error"));
        assertThat(new PortalSession(port).signedIn(researcher, "a brand new password")
                .get("/api/v1/exports").statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_stops_working_on_the_next_request_once_its_account_is_disabled_or_it_expires() throws Exception {
        String owner = newAccount("token-owner", Role.RESEARCHER);
        ApiTokens.IssuedToken first = tokens.create(owner, "first", 30);
        ApiTokens.IssuedToken second = tokens.create(owner, "second", 30);
        LocalApi script = new LocalApi(port, first.token());
        assertThat(script.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(new LocalApi(port, second.token()).get("/api/v1/me").statusCode()).isEqualTo(200);

        jdbc.sql("update api_token set expires_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), second.id()).update();
        assertThat(new LocalApi(port, second.token()).get("/api/v1/me").statusCode()).isEqualTo(401);

        accounts.enable(owner, false);
        assertThat(script.get("/api/v1/me").statusCode()).isEqualTo(401);
        accounts.enable(owner, true);
        assertThat(script.get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_cannot_create_a_token_that_outlives_it() throws Exception {
        String owner = newAccount("minting", Role.RESEARCHER);
        LocalApi oneDay = new LocalApi(port, tokens.create(owner, "one day", 1).token());
        HttpResponse<String> longer = oneDay.post("/api/v1/tokens", "{\"name\": \"longer\", \"expiresInDays\": 60}");
        assertThat(longer.statusCode()).as(longer.body()).isEqualTo(400);
        assertThat(LocalApi.json(longer.body()).get("detail").asString())
                .startsWith("expiresInDays: a token may not create a token that outlives it");

        ApiTokens.IssuedToken month = tokens.create(owner, "month", 30);
        LocalApi monthly = new LocalApi(port, month.token());
        assertThat(monthly.post("/api/v1/tokens", "{\"name\": \"x\", \"expiresInDays\": 31}").statusCode()).isEqualTo(400);
        HttpResponse<String> shorter = monthly.post("/api/v1/tokens", "{\"name\": \"shorter\", \"expiresInDays\": 29}");
        assertThat(shorter.statusCode()).as(shorter.body()).isEqualTo(201);
        HttpResponse<String> byDefault = monthly.post("/api/v1/tokens", "{\"name\": \"default\"}");
        assertThat(byDefault.statusCode()).as(byDefault.body()).isEqualTo(201);
        Instant defaultExpiry = Instant.parse(LocalApi.json(byDefault.body()).get("expires").asString());
        assertThat(defaultExpiry).isBefore(month.expires()).isAfter(month.expires().minus(Duration.ofDays(2)));
    }

    @Test
    void only_a_valid_bearer_token_skips_csrf_and_it_replaces_the_session_it_came_with() throws Exception {
        String owner = newAccount("csrf", Role.RESEARCHER);
        PortalSession session = new PortalSession(port).signedIn(owner, TestAccounts.PASSWORD);
        String body = "{\"name\": \"forged\", \"expiresInDays\": 30}";
        assertRefusedForCsrf(session.send("POST", "/api/v1/tokens", body));
        assertRefusedForCsrf(session.send("POST", "/api/v1/tokens", body, "Authorization", "Basic YW55dGhpbmc6YXQgYWxs"));
        assertThat(session.send("POST", "/api/v1/tokens", body, "Authorization", "Bearer sme_not-a-real-token")
                .statusCode()).isEqualTo(401);
        assertThat(tokens.list(owner)).isEmpty();

        String viewer = new TestAccounts(accounts, tokens).user(Role.VIEWER);
        String viewerToken = tokens.create(viewer, "viewer", 1).token();
        HttpResponse<String> asViewer = session.send("GET", "/api/v1/me", "", "Authorization", "Bearer " + viewerToken);
        assertThat(LocalApi.json(asViewer.body()).get("username").asString()).isEqualTo(viewer);
        assertThat(session.send("GET", "/api/v1/exports", "", "Authorization", "Bearer " + viewerToken).statusCode())
                .isEqualTo(403);
    }

    private static void assertRefusedForCsrf(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(LocalApi.json(response.body()).get("detail").asString()).contains("CSRF");
    }

    @Test
    void signing_in_needs_the_pages_csrf_token_and_the_session_cookie_is_same_site_lax() throws Exception {
        String owner = newAccount("login-csrf", Role.VIEWER);
        PortalSession forged = new PortalSession(port);
        HttpResponse<String> withoutToken = forged.postForm("/login",
                "username=" + owner + "&password=" + TestAccounts.PASSWORD.replace(' ', '+'),
                "Origin", "https://attacker.example");
        // refused: sent back to the sign-in page, not signed in
        assertThat(withoutToken.statusCode()).isEqualTo(302);
        assertThat(withoutToken.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).contains("/login").doesNotContain("jsessionid"));
        assertThat(forged.get("/api/v1/me").statusCode()).isEqualTo(401);

        PortalSession real = new PortalSession(port);
        HttpResponse<String> signedIn = real.signIn(owner, TestAccounts.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).doesNotContain("error"));
        assertThat(PortalSession.sessionCookie(signedIn)).contains("SameSite=Lax").contains("HttpOnly");
        assertThat(LocalApi.json(real.get("/api/v1/me").body()).get("username").asString()).isEqualTo(owner);
    }

    @Test
    void repeated_wrong_passwords_make_further_sign_ins_wait_and_the_log_never_has_a_password(CapturedOutput output)
            throws Exception {
        String owner = newAccount("guessed", Role.VIEWER);
        PortalSession attacker = new PortalSession(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = attacker.signIn(owner, "wrong guess number " + i);
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        }
        HttpResponse<String> held = attacker.signIn(owner, "wrong guess number 5");
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
        // even the right password waits, from any session
        assertThat(new PortalSession(port).signIn(owner, TestAccounts.PASSWORD).statusCode()).isEqualTo(429);
        assertThat(output.getAll()).contains("Sign-in failed for '" + owner + "'")
                .contains("Refused a sign-in for '" + owner + "'")
                .doesNotContain("wrong guess number").doesNotContain(TestAccounts.PASSWORD);
        // other accounts from the same address are not held back by one account's failures
        String other = newAccount("unrelated", Role.VIEWER);
        assertThat(new PortalSession(port).signIn(other, TestAccounts.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }
}
