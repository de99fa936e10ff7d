package org.samed2d.explorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerApplication;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.OpenSearchCluster;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second portal instance on the same catalog with {@code explorer.search.engine=opensearch}: its REST API answers
 * as the embedded engine's instance does; with the cluster down, search answers 503 problem+json with Retry-After,
 * the explore page says so, and the rest of the portal works (image, status and dataset pages); when the cluster is back, the index has caught up.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSearchPortalTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService lucene;

    OpenSearchCluster cluster;
    ConfigurableApplicationContext second;
    LocalApi embedded;
    LocalApi shared;
    int sharedPort;

    @BeforeAll
    void startAnInstanceOnOpenSearch() throws Exception {
        cluster = OpenSearchCluster.shared();
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        // rebuilt, not caught up: emptying the catalog restarts its change numbers, and this JVM's embedded index
        // may hold an earlier run's masks at a change number the new catalog has not reached yet
        lucene.rebuild();
        HikariDataSource hikari = (HikariDataSource) dataSource;
        second = new SpringApplicationBuilder(ExplorerApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + hikari.getJdbcUrl(), "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--explorer.data-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "explorer-opensearch-instance"),
                "--explorer.sample=false", "--explorer.ingest.resume-on-start=false", "--spring.main.banner-mode=off",
                "--explorer.search.engine=opensearch", "--explorer.search.opensearch.index=portal-test",
                "--explorer.search.opensearch.urls=" + String.join(",", cluster.urls().stream().map(Object::toString)
                        .toList()));
        sharedPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        embedded = new LocalApi(port);
        shared = new LocalApi(sharedPort);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> shared.get("/api/v1/counts").body().equals(embedded.get("/api/v1/counts").body()));
    }

    @AfterAll
    void stopIt() {
        cluster.ensureRunning();
        second.close();
    }

    @Test
    void the_rest_api_answers_as_the_embedded_engine_does() throws Exception {
        for (String query : new String[] {"/api/v1/counts?label=liver", "/api/v1/facets?modality=ct&areaMin=500",
                "/api/v1/facets?q=amos", "/api/v1/images?label=liver&limit=2", "/api/v1/masks?sort=-area&limit=7"}) {
            HttpResponse<String> fromShared = shared.get(query);
            assertThat(fromShared.statusCode()).as(query).isEqualTo(200);
            assertThat(fromShared.body()).as(query).isEqualTo(embedded.get(query).body());
        }
        assertThat(LocalApi.json(shared.get("/api/v1/stats").body()).get("searchEngine").asString())
                .isEqualTo("opensearch");
        assertThat(LocalApi.json(embedded.get("/api/v1/stats").body()).get("searchEngine").asString())
                .isEqualTo("lucene");
        // every instance signs cursors with the one key in the catalog: a page of one continues on the other
        String next = LocalApi.json(embedded.get("/api/v1/masks?sort=dataset&limit=4").body()).get("next").asString();
        String rest = "/api/v1/masks?sort=dataset&limit=50&cursor=" + next;
        assertThat(shared.get(rest).statusCode()).isEqualTo(200);
        assertThat(shared.get(rest).body()).isEqualTo(embedded.get(rest).body());
        assertThat(second.getBean(SearchService.class).engineName()).isEqualTo("opensearch");
    }

    @Test
    void with_the_cluster_down_search_answers_503_the_portal_says_so_and_the_rest_works() throws Exception {
        long image = jdbc.sql("select min(id) from image").query(Long.class).single();
        cluster.stop();
        try {
            HttpResponse<String> counts = shared.get("/api/v1/counts?label=liver");
            assertThat(counts.statusCode()).isEqualTo(503);
            assertThat(counts.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(counts.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(LocalApi.json(counts.body()).get("title").asString()).isEqualTo("Search unavailable");
            assertThat(shared.get("/api/v1/masks?limit=5").statusCode()).isEqualTo(503);
            assertThat(shared.get("/api/v1/datasets").statusCode()).isEqualTo(200);
            assertThat(shared.get("/api/v1/images/" + image).statusCode()).isEqualTo(200);
            assertThat(shared.bytes("/api/v1/images/" + image + "/png").statusCode()).isEqualTo(200);

            try (Chromium chromium = new Chromium()) {
                Page page = chromium.newPage(1400, 900);
                page.navigate("http://localhost:" + sharedPort + "/");
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Search is unavailable right now"))
                        .waitFor();
                Chromium.screenshot(page, "explore-search-unavailable");
                page.navigate("http://localhost:" + sharedPort + "/image/" + image);
                page.getByText("aorta").first().waitFor();
                page.getByText("Loading…").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
                Chromium.screenshot(page, "image-while-search-is-unavailable");
                // the status page, where a user looks when search is down, keeps the catalog's figures
                page.navigate("http://localhost:" + sharedPort + "/status");
                page.getByText("Search is unavailable right now; the index catches up").waitFor();
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                        .setName("Search is unavailable right now")).count()).isZero();
                Chromium.screenshot(page, "status-while-search-is-unavailable");
                // a dataset page keeps its figures, licence and citation; only samples and charts wait for search
                String dataset = jdbc.sql("select min(name) from dataset").query(String.class).single();
                page.navigate("http://localhost:" + sharedPort + "/datasets/" + dataset);
                page.locator("#search-unavailable-notice").waitFor();
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Licence and citation")).waitFor();
                assertThat(page.locator(".dataset-figures").textContent()).contains("images");
                Chromium.screenshot(page, "dataset-while-search-is-unavailable");
            }
        } finally {
            cluster.ensureRunning();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> shared.get("/api/v1/counts?label=liver").statusCode() == 200);
        assertThat(shared.get("/api/v1/counts").body()).isEqualTo(embedded.get("/api/v1/counts").body());
    }
}
