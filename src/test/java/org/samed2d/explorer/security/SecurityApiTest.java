package org.samed2d.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what over REST, in the default public mode: anonymous visitors browse, tokens carry their account's role,
 * revoked and expired tokens stop working, and secrets never reach the database or the log in the clear.
 */
@ExplorerTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    TestAccounts testAccounts;
    LocalApi anonymous;

    @BeforeEach
    void accounts() {
        testAccounts = new TestAccounts(accounts, tokens);
        anonymous = new LocalApi(port);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(LocalApi.json(response.body()).get("detail").asString()).contains(detail);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anonymous_visitors_browse_but_may_neither_segment_nor_export() throws Exception {
        assertThat(anonymous.get("/api/v1/stats").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/counts").statusCode()).isEqualTo(200);
        HttpResponse<String> segment = anonymous.post("/api/v1/segment", "{\"imageId\": 1, \"box\": [0,0,9,9]}");
        assertProblem(segment, 401, "Bearer");
        assertThat(segment.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertProblem(anonymous.post("/api/v1/exports", "{\"format\": \"manifest\"}"), 401, "Bearer");
        assertProblem(anonymous.get("/api/v1/exports"), 401, "Bearer");
        assertProblem(anonymous.get("/api/v1/me"), 401, "Bearer");
        assertProblem(anonymous.get("/api/v1/users"), 401, "Bearer");
    }

    @Test
    void a_viewer_token_browses_and_is_refused_segmentation_export_and_administration() throws Exception {
        LocalApi viewer = testAccounts.api(port, Role.VIEWER);
        assertThat(viewer.get("/api/v1/counts").statusCode()).isEqualTo(200);
        assertThat(LocalApi.json(viewer.get("/api/v1/me").body()).get("role").asString()).isEqualTo("VIEWER");
        assertProblem(viewer.post("/api/v1/segment", "{\"imageId\": 1, \"box\": [0,0,9,9]}"), 403, "role");
        assertProblem(viewer.post("/api/v1/exports", "{\"format\": \"manifest\"}"), 403, "role");
        assertProblem(viewer.get("/api/v1/users"), 403, "role");
        assertProblem(viewer.post("/api/v1/admin/reindex", ""), 403, "role");
    }

    @Test
    void a_researcher_may_export_but_not_administer_and_an_admin_may_do_everything() throws Exception {
        LocalApi researcher = testAccounts.api(port, Role.RESEARCHER);
        assertThat(researcher.get("/api/v1/exports").statusCode()).isEqualTo(200);
        assertThat(researcher.get("/api/v1/segment/models").statusCode()).isEqualTo(200);
        assertProblem(researcher.get("/api/v1/users"), 403, "role");
        assertProblem(researcher.post("/api/v1/segment/precompute", "{}"), 403, "role");

        LocalApi admin = testAccounts.api(port, Role.ADMIN);
        testAccounts.user(Role.VIEWER);
        assertThat(admin.get("/api/v1/exports").statusCode()).isEqualTo(200);
        JsonNode users = LocalApi.json(admin.get("/api/v1/users").body());
        assertThat(users.findValuesAsString("username")).contains("test-viewer", "test-researcher", "test-admin");
        assertThat(admin.get("/api/v1/users").body()).doesNotContain("password").doesNotContain("bcrypt");
        HttpResponse<String> metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds", "explorer_segmentation_queue",
                "explorer_ingest_rate", "explorer_index_done", "explorer_exports_preparing", "explorer_exports_served_bytes",
                "cache_gets_total{cache=\"thumbnails\"", "cache_gets_total{cache=\"embeddings\"", "hikaricp_connections");
        assertProblem(researcher.get("/actuator/prometheus"), 403, "role");
    }

    @Test
    void an_admin_adds_accounts_and_bad_fields_are_named() throws Exception {
        LocalApi admin = testAccounts.api(port, Role.ADMIN);
        String name = "new-" + System.nanoTime();
        HttpResponse<String> added = admin.post("/api/v1/users",
                "{\"username\": \"" + name + "\", \"password\": \"a long enough password\", \"role\": \"viewer\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertProblem(admin.post("/api/v1/users", "{\"username\": \"" + name + "\", \"password\": \"a long enough password\", "
                + "\"role\": \"viewer\"}"), 400, "taken");
        assertProblem(admin.post("/api/v1/users", "{\"username\": \"x" + name + "\", \"password\": \"short\", \"role\": \"viewer\"}"),
                400, "password: must be at least 12");
        assertProblem(admin.post("/api/v1/users", "{\"username\": \"Bad Name\", \"password\": \"a long enough password\", "
                + "\"role\": \"viewer\"}"), 400, "username");
        assertProblem(admin.post("/api/v1/users", "{\"username\": \"y" + name + "\", \"password\": \"a long enough password\", "
                + "\"role\": \"owner\"}"), 400, "role: 'owner'");
        HttpResponse<String> promoted = admin.send("PATCH", "/api/v1/users/" + name, "{\"role\": \"researcher\", \"enabled\": false}");
        assertThat(LocalApi.json(promoted.body()).get("role").asString()).isEqualTo("RESEARCHER");
        assertThat(LocalApi.json(promoted.body()).get("enabled").asBoolean()).isFalse();
    }

    @Test
    void text_postgresql_cannot_store_is_refused_naming_its_field() throws Exception {
        // found by ApiFuzzTest: a NUL character reached PostgreSQL and came back as a 500
        assertProblem(testAccounts.api(port, Role.RESEARCHER).post("/api/v1/tokens",
                "{\"name\": \"\\u0000\", \"expiresInDays\": 30}"), 400, "name: must not contain a NUL character");
        assertProblem(testAccounts.api(port, Role.ADMIN).send("PUT", "/api/v1/datasets/AMOS2022/licence",
                "{\"licence\": \"CC BY\\u0000\", \"redistributable\": \"yes\"}"), 400, "licence: must not contain");
    }

    @Test
    void a_token_works_until_revoked_and_is_stored_only_as_its_hash(CapturedOutput output) throws Exception {
        LocalApi researcher = testAccounts.api(port, Role.RESEARCHER);
        HttpResponse<String> created = researcher.post("/api/v1/tokens", "{\"name\": \"laptop\", \"expiresInDays\": 30}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = LocalApi.json(created.body()).get("token").asString();
        long id = LocalApi.json(created.body()).get("id").asLong();
        assertThat(token).startsWith("sme_").hasSizeGreaterThan(40);

        LocalApi script = new LocalApi(port, token);
        assertThat(LocalApi.json(script.get("/api/v1/me").body()).get("username").asString()).isEqualTo("test-researcher");
        assertThat(researcher.get("/api/v1/tokens").body()).contains("laptop").doesNotContain(token);
        String stored = jdbc.sql("select token_hash from api_token where id = ?").param(id).query(String.class).single();
        assertThat(stored).isEqualTo(ApiTokens.hash(token)).doesNotContain(token.substring(4));

        assertThat(researcher.send("DELETE", "/api/v1/tokens/" + id, "").statusCode()).isEqualTo(204);
        assertProblem(script.get("/api/v1/me"), 401, "unknown, expired or revoked");
        assertProblem(script.get("/api/v1/counts"), 401, "unknown, expired or revoked");
        assertProblem(testAccounts.api(port, Role.VIEWER).send("DELETE", "/api/v1/tokens/" + id, ""), 400, "no token");
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(TestAccounts.PASSWORD);
    }

    @Test
    void an_expired_token_a_forged_token_and_a_disabled_account_are_refused() throws Exception {
        String token = testAccounts.token(Role.RESEARCHER);
        jdbc.sql("update api_token set expires_at = ? where token_hash = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), ApiTokens.hash(token)).update();
        assertProblem(new LocalApi(port, token).get("/api/v1/me"), 401, "unknown, expired or revoked");
        assertProblem(new LocalApi(port, "sme_forged").get("/api/v1/stats"), 401, "unknown, expired or revoked");
        assertProblem(new LocalApi(port).send("GET", "/api/v1/me", "", "Authorization", "Basic dXNlcjpwYXNz"), 401, "Bearer");

        accounts.add("to-disable-" + System.nanoTime() % 100000, TestAccounts.PASSWORD, Role.RESEARCHER);
        String name = accounts.list().stream().map(Account::username).filter(n -> n.startsWith("to-disable-")).findFirst().orElseThrow();
        String own = tokens.create(name, "x", 1).token();
        accounts.enable(name, false);
        assertProblem(new LocalApi(port, own).get("/api/v1/me"), 401, "unknown, expired or revoked");
        assertProblem(testAccounts.api(port, Role.RESEARCHER).post("/api/v1/tokens", "{\"name\": \"x\", \"expiresInDays\": 9999}"),
                400, "expiresInDays");
    }

    @Test
    void pages_and_the_api_carry_security_headers_and_health_is_open_to_probes() throws Exception {
        for (String path : new String[] {"/", "/api/v1/stats", "/login"}) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'self'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
        String openApi = anonymous.get("/v3/api-docs").body();
        assertThat(openApi).contains("SA-Med2D Explorer API").contains("\"scheme\":\"bearer\"");
        HttpResponse<String> readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertProblem(anonymous.get("/actuator/prometheus"), 401, "Bearer");
    }
}
