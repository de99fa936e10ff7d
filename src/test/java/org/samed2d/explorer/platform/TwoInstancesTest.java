package org.samed2d.explorer.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.TestAccounts;
import org.samed2d.explorer.catalog.JobLocks;
import org.samed2d.explorer.ingest.IngestBusyException;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two portal instances on one PostgreSQL, each with its own data directory and search index, sharing only the
 * exports folder: what one ingests the other finds within seconds, an export started on one downloads from the
 * other, and an ingest runs on one instance at a time.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    JobLocks jobLocks;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;

    ConfigurableApplicationContext second;
    LocalApi first;
    LocalApi other;

    @BeforeAll
    void startASecondInstance() {
        new CatalogTestSupport(jdbc).empty();
        search.rebuild();
        HikariDataSource hikari = (HikariDataSource) dataSource;
        Path exports = Path.of(System.getProperty("java.io.tmpdir"), "explorer-test-data", "exports");
        second = new SpringApplicationBuilder(ExplorerApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + hikari.getJdbcUrl(), "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--explorer.data-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "explorer-second-instance"),
                "--explorer.export.dir=" + exports, "--explorer.sample=false", "--explorer.ingest.resume-on-start=false",
                "--spring.main.banner-mode=off");
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        String token = new TestAccounts(accounts, tokens).token(Role.RESEARCHER);
        first = new LocalApi(port, token);
        other = new LocalApi(secondPort, token);
    }

    @AfterAll
    void stopTheSecondInstance() {
        second.close();
    }

    private static long masks(LocalApi api) throws Exception {
        return LocalApi.json(api.get("/api/v1/counts").body()).get("masks").asLong();
    }

    @Test
    void an_ingest_on_one_instance_is_searchable_on_the_other_within_seconds_and_exports_download_anywhere()
            throws Exception {
        long started = System.nanoTime();
        ingest.ingest(SampleData.mini());
        long ingested = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> masks(other) == 30);
        System.out.printf("Ingest on the first instance took %d ms; the second found all 30 masks %d ms after it ended%n",
                (ingested - started) / 1_000_000, (System.nanoTime() - ingested) / 1_000_000);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> masks(first) == 30);
        // the masks' geometry (their areas) reaches each instance's index in a later change than their names
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            String facets = first.get("/api/v1/facets?label=liver").body();
            assertThat(facets).contains("\"area\":[{");
            assertThat(other.get("/api/v1/facets?label=liver").body()).isEqualTo(facets);
        });

        HttpResponse<String> export = first.post("/api/v1/exports", "{\"format\": \"sa-med2d\", \"filter\": {\"label\": [\"liver\"]}}");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(202);
        String id = LocalApi.json(export.body()).get("id").asString();
        assertThat(other.finished("/api/v1/exports/" + id).get("state").asString()).isEqualTo("done");
        HttpResponse<byte[]> fromOther = other.bytes("/api/v1/exports/" + id + "/download");
        HttpResponse<byte[]> fromFirst = first.bytes("/api/v1/exports/" + id + "/download");
        assertThat(fromOther.statusCode()).isEqualTo(200);
        assertThat(fromOther.body()).isEqualTo(fromFirst.body());
    }

    @Test
    void an_ingest_runs_on_one_instance_at_a_time() {
        IngestService secondIngest = second.getBean(IngestService.class);
        try (JobLocks.Lease held = jobLocks.tryLock("explorer-ingest").orElseThrow()) {
            assertThatThrownBy(() -> secondIngest.ingest(SampleData.mini())).isInstanceOf(IngestBusyException.class)
                    .hasMessageContaining("another instance");
        }
        assertThat(second.getBean(JobLocks.class).tryLock("explorer-ingest")).hasValueSatisfying(JobLocks.Lease::close);
    }
}
