package org.samed2d.explorer.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.TestAccounts;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.ui.Chromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A portal with public mode off, tight quotas and a first admin from the environment: anonymous visitors reach
 * nothing but the login page and the health probes, and each quota answers 429 with Retry-After once used up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "explorer.data-dir=${java.io.tmpdir}/explorer-private-data",
        "explorer.sample=false",
        "explorer.ingest.resume-on-start=false",
        "explorer.security.public-mode=false",
        "explorer.security.admin-user=first-admin",
        "explorer.security.admin-password=" + PrivatePortalTest.ADMIN_PASSWORD,
        "explorer.quotas.segmentations-per-minute=2",
        "explorer.quotas.concurrent-exports=1",
        "explorer.quotas.export-bytes-per-day=" + PrivatePortalTest.EXPORT_BYTES_PER_DAY,
        "explorer.quotas.evaluation-prompts-per-day=40"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivatePortalTest {

    static final String ADMIN_PASSWORD = "first admin password from the environment";
    /** More than one manifest export of the sample, less than a sa-med2d export of it. */
    static final long EXPORT_BYTES_PER_DAY = 100_000;

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;

    LocalApi researcher;

    @BeforeAll
    void sample() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        search.rebuild();
        jdbc.sql("delete from app_user where username <> 'first-admin'").update();
        // a new researcher each run: quotas count the exports this data directory kept from earlier runs
        String name = "quota-" + System.currentTimeMillis();
        accounts.add(name, TestAccounts.PASSWORD, Role.RESEARCHER);
        researcher = new LocalApi(port, tokens.create(name, "test", 1).token());
    }

    @Test
    void the_first_admin_comes_from_the_environment() {
        assertThat(accounts.find("first-admin")).hasValueSatisfying(admin -> assertThat(admin.role()).isEqualTo(Role.ADMIN));
    }

    @Test
    void anonymous_requests_get_401_except_health_and_pages_send_them_to_login() throws Exception {
        LocalApi anonymous = new LocalApi(port);
        for (String path : new String[] {"/api/v1/stats", "/api/v1/counts", "/api/v1/images/1/png", "/v3/api-docs"}) {
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(researcher.get("/api/v1/stats").statusCode()).isEqualTo(200);

        try (Chromium browser = new Chromium()) {
            Page page = browser.newPage(1200, 800);
            page.navigate("http://localhost:" + port + "/datasets");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("/login"));
            Chromium.signIn(page, "http://localhost:" + port, "first-admin", ADMIN_PASSWORD);
            page.navigate("http://localhost:" + port + "/datasets");
            assertThat(page.getByText("AMOS2022").first()).isVisible();
            assertThat(browser.consoleErrors).isEmpty();
        }
    }

    @Test
    void segmentation_requests_beyond_the_per_minute_quota_get_429_with_retry_after() throws Exception {
        Map<String, Object> liver = jdbc.sql("""
                select m.image_id, m.bbox_x0, m.bbox_y0, m.bbox_x1, m.bbox_y1 from mask m
                join label l on l.id = m.label_id where l.name = 'liver' order by m.id limit 1""").query().singleRow();
        String body = "{\"imageId\": %s, \"box\": [%s, %s, %s, %s]}".formatted(liver.get("image_id"), liver.get("bbox_x0"),
                liver.get("bbox_y0"), liver.get("bbox_x1"), liver.get("bbox_y1"));
        assertThat(researcher.post("/api/v1/segment", body).statusCode()).isEqualTo(200);
        assertThat(researcher.post("/api/v1/segment", body).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = researcher.post("/api/v1/segment", body);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(LocalApi.json(refused.body()).get("quota").asString()).isEqualTo("segmentations-per-minute");
        // admins have no quota
        LocalApi admin = new TestAccounts(accounts, tokens).api(port, Role.ADMIN);
        for (int i = 0; i < 3; i++) {
            assertThat(admin.post("/api/v1/segment", body).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void exports_count_their_own_size_against_the_daily_byte_quota() throws Exception {
        String name = "bytes-" + System.nanoTime();
        accounts.add(name, TestAccounts.PASSWORD, Role.RESEARCHER);
        LocalApi exporter = new LocalApi(port, tokens.create(name, "test", 1).token());

        // the request's own size counts: one export larger than the whole day's quota is refused at once
        HttpResponse<String> whole = exporter.post("/api/v1/exports", "{\"format\": \"sa-med2d\"}");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(429);
        assertThat(LocalApi.json(whole.body()).get("quota").asString()).isEqualTo("export-bytes-per-day");
        assertThat(LocalApi.json(whole.body()).get("detail").asString()).contains("narrow the filter");
        assertThat(exporter.get("/api/v1/exports").body()).isEqualTo("[]");

        HttpResponse<String> first = exporter.post("/api/v1/exports", "{\"format\": \"manifest\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        long manifestBytes = exporter.finished("/api/v1/exports/" + LocalApi.json(first.body()).get("id").asString())
                .get("bytes").asLong();
        assertThat(manifestBytes).isLessThan(EXPORT_BYTES_PER_DAY / 2);

        // manifests until the next would break the quota: what was accepted never exceeds it
        long accepted = manifestBytes;
        HttpResponse<String> next;
        while ((next = exporter.post("/api/v1/exports", "{\"format\": \"manifest\"}")).statusCode() == 202) {
            accepted += exporter.finished("/api/v1/exports/" + LocalApi.json(next.body()).get("id").asString())
                    .get("bytes").asLong();
        }
        assertThat(next.statusCode()).isEqualTo(429);
        assertThat(LocalApi.json(next.body()).get("quota").asString()).isEqualTo("export-bytes-per-day");
        assertThat(next.headers().firstValue("Retry-After")).isPresent();
        assertThat(accepted).isLessThanOrEqualTo(EXPORT_BYTES_PER_DAY).isGreaterThan(EXPORT_BYTES_PER_DAY - manifestBytes);

        // someone else's export is not even visible
        String id = LocalApi.json(first.body()).get("id").asString();
        LocalApi other = new LocalApi(port, tokens.create(new TestAccounts(accounts, tokens).user(Role.VIEWER), "x", 1).token());
        accounts.changeRole("test-viewer", Role.RESEARCHER);
        assertThat(other.get("/api/v1/exports/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void restarting_a_failed_export_answers_to_the_quota_too() throws Exception {
        String name = "restart-" + System.nanoTime();
        accounts.add(name, TestAccounts.PASSWORD, Role.RESEARCHER);
        LocalApi exporter = new LocalApi(port, tokens.create(name, "test", 1).token());
        String id = java.util.UUID.randomUUID().toString();
        java.nio.file.Path folder = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "explorer-private-data",
                "exports", id);
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve("export.json"), LocalApi.JSON.writeValueAsString(
                new org.samed2d.explorer.export.ExportRecord(id, "sa-med2d", "failed", 30, 4, null, 0.4, null,
                        java.time.Instant.now(), "the server stopped", Map.of(), false, java.util.List.of(), 0, name,
                        null, null, null, null)));

        HttpResponse<String> restarted = exporter.post("/api/v1/exports/" + id + "/restart", "");
        assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(429);
        assertThat(LocalApi.json(restarted.body()).get("quota").asString()).isEqualTo("export-bytes-per-day");
        assertThat(LocalApi.json(exporter.get("/api/v1/exports/" + id).body()).get("state").asString())
                .isEqualTo("failed");
    }

    @Test
    void evaluations_are_charged_by_their_prompts_against_a_daily_budget() throws Exception {
        String name = "evaluator-" + System.nanoTime();
        accounts.add(name, TestAccounts.PASSWORD, Role.RESEARCHER);
        LocalApi evaluator = new LocalApi(port, tokens.create(name, "test", 1).token());
        // 7 AMOS2022 masks times 3 prompt kinds: 21 of the day's 40
        HttpResponse<String> first = evaluator.post("/api/v1/evaluations",
                "{\"filter\": {\"dataset\": [\"AMOS2022\"]}, \"prompts\": [\"box\", \"1point\", \"3points\"]}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        evaluator.finished("/api/v1/evaluations/" + LocalApi.json(first.body()).get("id").asString());
        HttpResponse<String> again = evaluator.post("/api/v1/evaluations",
                "{\"filter\": {\"dataset\": [\"AMOS2022\"]}, \"prompts\": [\"box\", \"1point\", \"3points\"]}");
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(LocalApi.json(again.body()).get("quota").asString()).isEqualTo("evaluation-prompts-per-day");
        assertThat(LocalApi.json(again.body()).get("detail").asString()).contains("makes 21 prompts")
                .contains("made 21");
        // a smaller one still fits in what is left
        HttpResponse<String> smaller = evaluator.post("/api/v1/evaluations",
                "{\"filter\": {\"dataset\": [\"AMOS2022\"]}, \"prompts\": [\"box\"]}");
        assertThat(smaller.statusCode()).as(smaller.body()).isEqualTo(202);
        evaluator.finished("/api/v1/evaluations/" + LocalApi.json(smaller.body()).get("id").asString());
    }
}
