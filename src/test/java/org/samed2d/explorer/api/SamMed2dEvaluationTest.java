package org.samed2d.explorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** The sam-med2d protocol over HTTP with the bundled model: test.py's prompts, its prompt files, a part of a split. */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamMed2dEvaluationTest {

    /** The boxes OpenCV 4.6 (resize to 256x256, nearest) and scikit-image 0.19 (label, regionprops) give these masks. */
    private static final Map<String, List<Double>> BOXES = Map.of(
            "ct_00--AMOS2022--amos_0004--z_0075--0001_000.png", List.of(145.0, 102.0, 158.0, 115.0),
            "ct_00--AMOS2022--amos_0004--z_0075--0002_000.png", List.of(114.0, 116.0, 131.0, 129.0),
            "ct_00--AMOS2022--amos_0004--z_0075--0003_000.png", List.of(77.0, 119.0, 111.0, 148.0),
            "ct_00--AMOS2022--amos_0006--z_0090--0001_000.png", List.of(140.0, 102.0, 155.0, 117.0),
            "ct_00--AMOS2022--amos_0006--z_0090--0002_000.png", List.of(112.0, 120.0, 127.0, 135.0),
            "ct_00--AMOS2022--amos_0006--z_0090--0003_000.png", List.of(49.0, 94.0, 135.0, 178.0),
            "ct_00--AMOS2022--amos_0006--z_0090--0004_000.png", List.of(163.0, 108.0, 195.0, 124.0));

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
    LocalApi api;

    @BeforeAll
    void sample() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        search.rebuild();
        api = new TestAccounts(accounts, tokens).api(port, Role.ADMIN);
    }

    private JsonNode evaluated(String body) throws Exception {
        JsonNode report = api.finishedJob("/api/v1/evaluations", body);
        assertThat(report.get("state").asString()).as(report.toString()).isEqualTo("done");
        return report;
    }

    @Test
    void test_pys_prompts_are_written_as_its_prompt_files_and_reading_them_back_gives_the_same_dice() throws Exception {
        JsonNode drawn = evaluated("{\"protocol\": \"sam-med2d\", \"filter\": {\"dataset\": [\"AMOS2022\"]},"
                + " \"prompts\": [\"box\", \"3points\", \"3clicks\"]}");

        assertThat(drawn.get("protocol").asString()).isEqualTo("sam-med2d");
        assertThat(drawn.get("done").asLong()).isEqualTo(7);
        assertThat(drawn.get("skipped").size()).isZero();
        assertThat(drawn.get("meanDice").get("box").get("overall").asDouble()).isGreaterThan(0.7);
        assertThat(drawn.get("promptFiles").toString()).isEqualTo("[\"box\",\"3points\",\"3clicks\"]");
        String id = drawn.get("id").asString();
        HttpResponse<String> file = api.get("/api/v1/evaluations/" + id + "/prompts/3points");
        assertThat(file.statusCode()).isEqualTo(200);
        JsonNode prompts = LocalApi.json(file.body());
        assertThat(prompts.propertyNames()).containsExactlyInAnyOrderElementsOf(BOXES.keySet());
        for (var entry : BOXES.entrySet()) {
            JsonNode prompt = prompts.get(entry.getKey());
            List<Double> box = new ArrayList<>();
            prompt.get("boxes").get(0).forEach(value -> box.add(value.asDouble()));
            assertThat(box).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(prompt.get("point_coords")).hasSize(3);
            List<Integer> labels = new ArrayList<>();
            prompt.get("point_labels").forEach(label -> labels.add(label.asInt()));
            assertThat(labels).containsExactlyInAnyOrder(1, 0, 0);
        }
        assertThat(api.get("/api/v1/evaluations/" + id + "/prompts/9points").statusCode()).isEqualTo(404);

        JsonNode read = evaluated("{\"protocol\": \"sam-med2d\", \"filter\": {\"dataset\": [\"AMOS2022\"]},"
                + " \"prompts\": [\"box\", \"points\"], \"promptFile\": " + file.body() + "}");

        assertThat(read.get("meanDice").get("box")).isEqualTo(drawn.get("meanDice").get("box"));
        assertThat(read.get("meanDice").get("points")).isEqualTo(drawn.get("meanDice").get("3points"));
    }

    @Test
    void an_evaluation_of_one_part_takes_only_the_masks_of_that_parts_cases() throws Exception {
        // seed 4, test 0.5: amos_0004 (3 masks) and s0114 (15) draw below 0.5, amos_0006 (4) and s0619 (8) above
        String split = "\"split\": {\"test\": 0.5, \"seed\": 4}";

        JsonNode test = evaluated("{\"protocol\": \"sam-med2d\", " + split + ", \"part\": \"test\"}");
        JsonNode train = evaluated("{" + split + ", \"part\": \"train\"}");

        assertThat(test.get("total").asLong()).isEqualTo(18);
        assertThat(test.get("counts").get("dataset:AMOS2022").asLong()).isEqualTo(3);
        assertThat(test.get("part").asString()).isEqualTo("test");
        assertThat(train.get("total").asLong()).isEqualTo(12);
        assertThat(train.get("protocol").asString()).isEqualTo("whole-mask");
        assertThat(train.get("counts").get("dataset:Totalsegmentator_dataset").asLong()).isEqualTo(8);
    }

    @Test
    void bad_evaluation_requests_are_400s_naming_the_field() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"protocol\": \"test.py\"}", "protocol",
                "{\"prompts\": [\"5clicks\"]}", "prompts",
                "{\"protocol\": \"sam-med2d\", \"prompts\": [\"3point\"]}", "prompts",
                "{\"part\": \"test\"}", "split",
                "{\"split\": {\"test\": 0.2}}", "part",
                "{\"split\": {\"test\": 0.2}, \"part\": \"holdout\"}", "part",
                "{\"promptFile\": {}}", "promptFile",
                "{\"protocol\": \"sam-med2d\", \"promptFile\": {\"a.png\": {\"boxes\": [[1, 2]]}}}", "promptFile");
        for (var entry : cases.entrySet()) {
            HttpResponse<String> response = api.post("/api/v1/evaluations", entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey() + " -> " + response.body()).isEqualTo(400);
            assertThat(LocalApi.json(response.body()).get("parameter").asString()).isEqualTo(entry.getValue());
        }
    }
}
