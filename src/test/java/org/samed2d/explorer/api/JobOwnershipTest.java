package org.samed2d.explorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.TestAccounts;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Evaluations, segmentation results and precompute jobs are their owner's: another researcher gets 404 for their
 * ids, admins see them. Evaluations are limited per user and share the runner in turn.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobOwnershipTest {

    @LocalServerPort
    int port;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;

    LocalApi admin;
    Map<String, Object> liver;

    @BeforeAll
    void sample() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        search.rebuild();
        admin = new TestAccounts(accounts, tokens).api(port, Role.ADMIN);
        liver = jdbc.sql("""
                select m.id, m.image_id, m.bbox_x0, m.bbox_y0, m.bbox_x1, m.bbox_y1 from mask m
                join label l on l.id = m.label_id where l.name = 'liver' order by m.id limit 1""").query().singleRow();
    }

    private LocalApi newResearcher() {
        String name = "owner-" + System.nanoTime();
        accounts.add(name, TestAccounts.PASSWORD, Role.RESEARCHER);
        return new LocalApi(port, tokens.create(name, "test", 30).token());
    }

    private static String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return LocalApi.json(response.body()).get("id").asString();
    }

    @Test
    void another_researcher_cannot_read_refine_or_download_a_segmentation_result() throws Exception {
        LocalApi owner = newResearcher();
        LocalApi other = newResearcher();
        String result = id(owner.post("/api/v1/segment", "{\"imageId\": %s, \"box\": [%s, %s, %s, %s]}".formatted(
                liver.get("image_id"), liver.get("bbox_x0"), liver.get("bbox_y0"), liver.get("bbox_x1"),
                liver.get("bbox_y1"))));
        assertThat(owner.get("/api/v1/segment/" + result + "/png").statusCode()).isEqualTo(200);
        assertThat(other.get("/api/v1/segment/" + result + "/png").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/segment/" + result + "/png").statusCode()).isEqualTo(200);
        // every candidate mask is guarded like the chosen one; a candidate the result does not have is not found
        assertThat(owner.get("/api/v1/segment/" + result + "/candidates/0/png").statusCode()).isEqualTo(200);
        assertThat(other.get("/api/v1/segment/" + result + "/candidates/0/png").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/segment/" + result + "/candidates/0/png").statusCode()).isEqualTo(200);
        assertThat(owner.get("/api/v1/segment/" + result + "/candidates/9/png").statusCode()).isEqualTo(404);

        String refine = "{\"imageId\": %s, \"points\": [{\"x\": %s, \"y\": %s, \"positive\": true}], \"previous\": \"%s\"}"
                .formatted(liver.get("image_id"), liver.get("bbox_x0"), liver.get("bbox_y0"), result);
        HttpResponse<String> stolen = other.post("/api/v1/segment", refine);
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(LocalApi.json(stolen.body()).get("detail").asString()).startsWith("previous: no result with id");
        assertThat(owner.post("/api/v1/segment", refine).statusCode()).isEqualTo(200);
        HttpResponse<String> fromCandidate = owner.post("/api/v1/segment",
                refine.replace("}]", "}], \"previousCandidate\": 0"));
        assertThat(fromCandidate.statusCode()).isEqualTo(200);
        HttpResponse<String> noSuchCandidate = owner.post("/api/v1/segment",
                refine.replace("}]", "}], \"previousCandidate\": 4"));
        assertThat(noSuchCandidate.statusCode()).isEqualTo(400);
        assertThat(LocalApi.json(noSuchCandidate.body()).get("detail").asString())
                .startsWith("previousCandidate: result " + result + " has 1 candidate mask(s)");
    }

    @Test
    void another_researcher_gets_404_for_an_evaluation_and_a_precompute_job() throws Exception {
        LocalApi owner = newResearcher();
        LocalApi other = newResearcher();
        String evaluation = id(owner.post("/api/v1/evaluations", "{\"filter\": {\"label\": [\"liver\"]}, \"limit\": 1}"));
        owner.finished("/api/v1/evaluations/" + evaluation);
        for (String path : new String[] {"/api/v1/evaluations/" + evaluation, "/api/v1/evaluations/" + evaluation + "/csv"}) {
            assertThat(owner.get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(other.get(path).statusCode()).as(path).isEqualTo(404);
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
        }
        String job = id(admin.post("/api/v1/segment/precompute", "{\"filter\": {\"label\": [\"liver\"]}, \"limit\": 1}"));
        assertThat(other.get("/api/v1/segment/precompute/" + job).statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/segment/precompute/" + job).statusCode()).isEqualTo(200);
    }

    @Test
    void a_researcher_runs_one_evaluation_at_a_time_and_a_short_run_overtakes_a_long_one() throws Exception {
        LocalApi patient = newResearcher();
        LocalApi hurried = newResearcher();
        String longRun = id(patient.post("/api/v1/evaluations",
                "{\"limit\": 1000, \"prompts\": [\"box\", \"1point\", \"3points\"]}"));
        HttpResponse<String> second = patient.post("/api/v1/evaluations", "{\"limit\": 1}");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(LocalApi.json(second.body()).get("quota").asString()).isEqualTo("concurrent-evaluations");
        assertThat(second.headers().firstValue("Retry-After")).isPresent();

        String shortRun = id(hurried.post("/api/v1/evaluations", "{\"filter\": {\"label\": [\"liver\"]}, \"limit\": 1}"));
        JsonNode shortDone = Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> LocalApi.json(hurried.get("/api/v1/evaluations/" + shortRun).body()),
                        report -> report.get("state").asString().equals("done"));
        JsonNode longMeanwhile = LocalApi.json(patient.get("/api/v1/evaluations/" + longRun).body());
        assertThat(shortDone.get("done").asLong()).isEqualTo(1);
        assertThat(longMeanwhile.get("state").asString()).isEqualTo("running");
        assertThat(longMeanwhile.get("done").asLong()).isLessThan(longMeanwhile.get("total").asLong());
        patient.finished("/api/v1/evaluations/" + longRun);
    }
}
