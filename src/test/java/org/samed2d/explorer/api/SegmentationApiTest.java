package org.samed2d.explorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/v1/segment and the evaluation runs over HTTP, on the real sample with the bundled model. */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentationApiTest {

    private static final JsonMapper JSON = LocalApi.JSON;

    @LocalServerPort
    int port;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.samed2d.explorer.security.UserAccounts accounts;
    @Autowired
    org.samed2d.explorer.security.ApiTokens tokens;
    LocalApi api;

    Map<String, Object> liver;

    @BeforeAll
    void sample() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        search.rebuild();
        api = new org.samed2d.explorer.TestAccounts(accounts, tokens).api(port, org.samed2d.explorer.security.Role.ADMIN);
        liver = jdbc.sql("""
                select m.id, m.image_id, m.bbox_x0, m.bbox_y0, m.bbox_x1, m.bbox_y1 from mask m
                join label l on l.id = m.label_id where l.name = 'liver' order by m.id limit 1""").query().singleRow();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return api.post(path, body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return api.get(path);
    }

    private JsonNode finished(String path) {
        return api.finished(path);
    }

    @Test
    void segments_from_a_box_and_scores_against_the_ground_truth() throws Exception {
        String body = """
                {"imageId": %d, "box": [%d, %d, %d, %d], "groundTruthMaskId": %d}""".formatted(liver.get("image_id"),
                liver.get("bbox_x0"), liver.get("bbox_y0"), liver.get("bbox_x1"), liver.get("bbox_y1"), liver.get("id"));
        HttpResponse<String> response = post("/api/v1/segment", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.get("dice").asDouble()).isGreaterThan(0.75);
        assertThat(result.get("iou").asDouble()).isLessThan(result.get("dice").asDouble());
        assertThat(result.get("rle").get("size").toString()).isEqualTo("[512,512]");
        assertThat(result.get("bbox")).hasSize(4);
        assertThat(result.get("timing").has("decoderMs")).isTrue();
        HttpResponse<byte[]> png = api.bytes(result.get("png").asString());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void a_box_reaching_the_far_edges_of_the_image_is_answered() throws Exception {
        long image = jdbc.sql("select id from image where width = 258 and height = 181").query(Long.class).single();

        HttpResponse<String> response = post("/api/v1/segment",
                "{\"imageId\": %d, \"box\": [150, 100, 258, 181]}".formatted(image));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("rle").get("size").toString()).isEqualTo("[181,258]");
    }

    @Test
    void a_box_past_the_far_edge_is_a_400_naming_the_box() throws Exception {
        long image = jdbc.sql("select id from image where width = 258 and height = 181").query(Long.class).single();

        HttpResponse<String> response = post("/api/v1/segment",
                "{\"imageId\": %d, \"box\": [150, 100, 259, 181]}".formatted(image));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("parameter").asString()).isEqualTo("box");
        assertThat(problem.get("detail").asString()).isEqualTo("box: [150, 100, 259, 181] leaves the image of 258x181"
                + " pixels; box edges are continuous: 0 <= x0 < x1 <= 258 and 0 <= y0 < y1 <= 181");
    }

    @Test
    void bad_requests_are_400_problems_naming_the_field() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"imageId\": %d, \"box\": [300, 10, 200, 20]}".formatted(liver.get("image_id")), "box",
                "{\"imageId\": 99999999, \"box\": [1, 1, 20, 20]}", "imageId",
                "{\"imageId\": %d}".formatted(liver.get("image_id")), "box",
                "{\"imageId\": %d, \"points\": [{\"x\": 9999, \"y\": 1, \"positive\": true}]}".formatted(liver.get("image_id")), "points",
                "{\"imageId\": \"twelve\"}", "imageId",
                "{\"imageId\": %d, \"box\": [1, 1, 20, 20], \"model\": \"nope\"}".formatted(liver.get("image_id")), "model");
        for (var entry : cases.entrySet()) {
            HttpResponse<String> response = post("/api/v1/segment", entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey() + " -> " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("parameter").asString()).isEqualTo(entry.getValue());
        }
        assertThat(get("/api/v1/segment/nope/png").statusCode()).isEqualTo(404);
        HttpResponse<String> badPrompt = post("/api/v1/evaluations", "{\"prompts\": [\"10points\"]}");
        assertThat(badPrompt.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badPrompt.body()).get("parameter").asString()).isEqualTo("prompts");
    }

    @Test
    void an_evaluation_runs_in_the_background_and_reports_dice_as_json_and_csv() throws Exception {
        HttpResponse<String> started = post("/api/v1/evaluations",
                "{\"filter\": {\"dataset\": [\"AMOS2022\"]}, \"limit\": 10, \"prompts\": [\"box\", \"1point\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode report = JSON.readTree(started.body());
        String id = report.get("id").asString();
        assertThat(report.get("total").asLong()).isEqualTo(7);
        report = finished("/api/v1/evaluations/" + id);
        assertThat(report.get("state").asString()).isEqualTo("done");
        assertThat(report.get("done").asLong()).isEqualTo(7);
        assertThat(report.get("meanDice").get("box").get("overall").asDouble()).isGreaterThan(0.7);
        assertThat(report.get("meanDice").get("box").has("label:liver")).isTrue();
        assertThat(report.get("meanDice").get("1point").get("overall").asDouble()).isBetween(0.0, 1.0);
        String csv = get("/api/v1/evaluations/" + id + "/csv").body();
        assertThat(csv).startsWith("prompt,group,masks,mean_dice\n").contains("box,\"overall\",7,");
    }

    @Test
    void a_precompute_job_stores_the_embeddings_of_a_subset() throws Exception {
        HttpResponse<String> started = post("/api/v1/segment/precompute", "{\"filter\": {\"dataset\": [\"AMOS2022\"]}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(started.body());
        assertThat(job.get("total").asLong()).isEqualTo(2);
        job = finished("/api/v1/segment/precompute/" + job.get("id").asString());
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("done").asLong()).isEqualTo(2);
        for (long image : jdbc.sql("select i.id from image i join dataset d on d.id = i.dataset_id where d.name = 'AMOS2022'")
                .query(Long.class).list()) {
            assertThat(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "explorer-test-data", "embeddings",
                    "minisam", image + ".f32")).exists();
            JsonNode result = JSON.readTree(post("/api/v1/segment",
                    "{\"imageId\": %d, \"box\": [100, 100, 300, 300]}".formatted(image)).body());
            assertThat(result.get("timing").get("cached").asBoolean()).isTrue();
        }
    }
}
