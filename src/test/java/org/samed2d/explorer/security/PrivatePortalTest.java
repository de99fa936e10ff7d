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
        "explorer.quotas.export-bytes-per-day=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivatePortalTest {

    static final String ADMIN_PASSWORD = "first admin password from the environment";

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
    void exports_beyond_the_concurrent_and_daily_byte_quotas_get_429() throws Exception {
        HttpResponse<String> first = researcher.post("/api/v1/exports", "{\"format\": \"manifest\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        HttpResponse<String> second = researcher.post("/api/v1/exports", "{\"format\": \"manifest\"}");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(LocalApi.json(second.body()).get("quota").asString()).isIn("concurrent-exports", "export-bytes-per-day");
        researcher.finished("/api/v1/exports/" + LocalApi.json(first.body()).get("id").asString());
        HttpResponse<String> third = researcher.post("/api/v1/exports", "{\"format\": \"manifest\"}");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(LocalApi.json(third.body()).get("quota").asString()).isEqualTo("export-bytes-per-day");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        // someone else's export is not even visible
        String id = LocalApi.json(first.body()).get("id").asString();
        LocalApi other = new LocalApi(port, tokens.create(new TestAccounts(accounts, tokens).user(Role.VIEWER), "x", 1).token());
        accounts.changeRole("test-viewer", Role.RESEARCHER);
        assertThat(other.get("/api/v1/exports/" + id).statusCode()).isEqualTo(404);
    }
}
