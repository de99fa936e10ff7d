package org.samed2d.explorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExplorerTest
class StatsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyCatalog() {
        new CatalogTestSupport(jdbc).empty();
    }

    private JsonNode getStats() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Test
    void answers_zeros_for_an_empty_catalog() throws Exception {
        JsonNode stats = getStats();
        assertThat(stats.get("images").asLong()).isZero();
        assertThat(stats.get("masks").asLong()).isZero();
        assertThat(stats.get("ingest").isNull()).isTrue();
    }

    @Test
    void answers_the_catalog_figures_after_an_ingest() throws Exception {
        ingest.ingest(SampleData.mini());

        JsonNode stats = getStats();
        assertThat(stats.get("images").asLong()).isEqualTo(4);
        assertThat(stats.get("masks").asLong()).isEqualTo(30);
        assertThat(stats.get("datasets").asLong()).isEqualTo(2);
        assertThat(stats.get("modalities").asLong()).isEqualTo(1);
        assertThat(stats.get("labels").asLong()).isEqualTo(25);
        assertThat(stats.get("geometryPending").asLong()).isZero();
        assertThat(stats.get("searchEngine").asString()).isEqualTo("lucene");
    }
}
