package org.samed2d.explorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

/** The query API over HTTP on the real sample: shapes, exact figures, paging, pixels and every kind of bad input. */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {

    private static final JsonMapper JSON = LocalApi.JSON;

    @LocalServerPort
    int port;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void sampleCatalog() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        search.rebuild();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return new LocalApi(port).get(pathAndQuery);
    }

    private JsonNode ok(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void counts_masks_and_distinct_images() throws Exception {
        assertThat(ok("/api/v1/counts").toString()).isEqualTo("{\"masks\":30,\"images\":4}");
        assertThat(ok("/api/v1/counts?label=liver").toString()).isEqualTo("{\"masks\":2,\"images\":2}");
        assertThat(ok("/api/v1/counts?label=liver&label=aorta").toString()).isEqualTo("{\"masks\":5,\"images\":3}");
        assertThat(ok("/api/v1/counts?dataset=AMOS2022&region=thorax").toString()).isEqualTo("{\"masks\":2,\"images\":2}");
        assertThat(ok("/api/v1/counts?q=amos%200006").toString()).isEqualTo("{\"masks\":4,\"images\":1}");
    }

    @Test
    void free_text_matches_modality_words_too() throws Exception {
        assertThat(ok("/api/v1/counts?q=liver%20ct").toString()).isEqualTo("{\"masks\":2,\"images\":2}");
        assertThat(ok("/api/v1/counts?q=CT").toString()).isEqualTo("{\"masks\":30,\"images\":4}");
        assertThat(ok("/api/v1/counts?q=liver%20mri").toString()).isEqualTo("{\"masks\":0,\"images\":0}");
    }

    @Test
    void facets_are_cross_filtered() throws Exception {
        JsonNode facets = ok("/api/v1/facets?dataset=AMOS2022");
        // the dataset facet ignores its own filter, so the alternative stays visible with its count
        assertThat(facets.get("dataset").get("AMOS2022").asLong()).isEqualTo(7);
        assertThat(facets.get("dataset").get("Totalsegmentator_dataset").asLong()).isEqualTo(23);
        assertThat(facets.get("label").get("liver").asLong()).isEqualTo(2);
        assertThat(facets.get("label").has("rib_left_9")).isFalse();
        assertThat(facets.get("modality").get("ct").asLong()).isEqualTo(7);
        assertThat(facets.get("axis").get("z").asLong()).isEqualTo(7);
        long histogramTotal = 0;
        for (JsonNode bin : facets.get("area")) {
            assertThat(bin.get("max").asLong()).isEqualTo(2 * bin.get("min").asLong() - 1);
            histogramTotal += bin.get("count").asLong();
        }
        assertThat(histogramTotal).isEqualTo(7);
    }

    @Test
    void values_absent_from_the_data_match_nothing() throws Exception {
        assertThat(ok("/api/v1/counts?dataset=Nope").toString()).isEqualTo("{\"masks\":0,\"images\":0}");
        JsonNode page = ok("/api/v1/masks?label=Nope");
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("total").asLong()).isZero();
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void mask_items_carry_every_catalog_field() throws Exception {
        JsonNode item = ok("/api/v1/masks?label=liver&dataset=AMOS2022&q=0006").get("items").get(0);
        assertThat(item.get("file").asString()).isEqualTo("masks/ct_00--AMOS2022--amos_0006--z_0090--0003_000.png");
        assertThat(item.get("imageFile").asString()).isEqualTo("images/ct_00--AMOS2022--amos_0006--z_0090.png");
        assertThat(item.get("modality").asString()).isEqualTo("ct");
        assertThat(item.get("submodality").asString()).isEqualTo("none");
        assertThat(item.get("modalityString").asString()).isEqualTo("ct_00");
        assertThat(item.get("case").asString()).isEqualTo("amos_0006");
        assertThat(item.get("axis").asString()).isEqualTo("z");
        assertThat(item.get("slice").asInt()).isEqualTo(90);
        assertThat(item.get("classId").asString()).isEqualTo("0003");
        assertThat(item.get("instance").asInt()).isZero();
        assertThat(item.get("area").asLong()).isEqualTo(20023);
        assertThat(item.get("bbox").toString()).isEqualTo("[97,188,269,355]");
        assertThat(item.get("width").asInt()).isEqualTo(512);
        assertThat(item.get("height").asInt()).isEqualTo(512);
        assertThat(ok("/api/v1/masks/" + item.get("id").asLong()).get("file")).isEqualTo(item.get("file"));
    }

    @Test
    void pages_follow_cursors_to_the_end_without_repeats() throws Exception {
        List<Long> ids = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = ok("/api/v1/masks?limit=7&sort=-area" + (next == null ? "" : "&cursor=" + next));
            page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
            assertThat(page.get("total").asLong()).isEqualTo(30);
            next = page.get("next").isNull() ? null : page.get("next").asString();
        } while (next != null);
        assertThat(ids).hasSize(30).doesNotHaveDuplicates();

        JsonNode images = ok("/api/v1/images?label=aorta&limit=2");
        assertThat(images.get("total").asLong()).isEqualTo(3);
        assertThat(images.get("items")).hasSize(2);
        assertThat(images.get("items").get(0).get("matchingMaskIds")).hasSize(1);
        JsonNode rest = ok("/api/v1/images?label=aorta&limit=2&cursor=" + images.get("next").asString());
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.get("next").isNull()).isTrue();
    }

    @Test
    void one_image_lists_all_its_masks() throws Exception {
        long imageId = ok("/api/v1/images?q=s0114").get("items").get(0).get("image").get("id").asLong();
        JsonNode image = ok("/api/v1/images/" + imageId);
        assertThat(image.get("image").get("file").asString()).isEqualTo("images/ct_00--Totalsegmentator_dataset--s0114--z_0111.png");
        assertThat(image.get("masks")).hasSize(15);
    }

    @Test
    void serves_the_original_png_bytes_with_etag_and_caching() throws Exception {
        long maskId = ok("/api/v1/masks?label=liver&limit=1").get("items").get(0).get("id").asLong();
        String file = ok("/api/v1/masks/" + maskId).get("file").asString();
        LocalApi api = new LocalApi(port);
        HttpResponse<byte[]> png = api.bytes("/api/v1/masks/" + maskId + "/png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).isEqualTo(Files.readAllBytes(SampleData.miniRelease().resolve(file)));
        String etag = png.headers().firstValue("ETag").orElseThrow();
        assertThat(png.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age");

        HttpResponse<byte[]> again = api.bytes("/api/v1/masks/" + maskId + "/png", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);

        long imageId = ok("/api/v1/masks/" + maskId).get("imageId").asLong();
        HttpResponse<byte[]> image = api.bytes("/api/v1/images/" + imageId + "/png");
        assertThat(image.body()).isEqualTo(Files.readAllBytes(SampleData.miniRelease().resolve(
                ok("/api/v1/images/" + imageId).get("image").get("file").asString())));
    }

    @Test
    void lists_datasets_and_labels_with_counts() throws Exception {
        JsonNode datasets = ok("/api/v1/datasets");
        assertThat(datasets).hasSize(2);
        assertThat(datasets.get(0).get("name").asString()).isEqualTo("AMOS2022");
        assertThat(datasets.get(0).get("masks").asLong()).isEqualTo(7);
        assertThat(datasets.get(0).get("images").asLong()).isEqualTo(2);
        JsonNode labels = ok("/api/v1/labels");
        JsonNode aorta = labels.get(0);
        assertThat(aorta.get("name").asString()).isEqualTo("aorta");
        assertThat(aorta.get("datasets")).hasSize(2);
        assertThat(aorta.get("masks").asLong()).isEqualTo(3);
        assertThat(aorta.get("region").asString()).isEqualTo("thorax");
    }

    @Test
    void publishes_openapi_and_a_browsable_ui() throws Exception {
        JsonNode spec = ok("/v3/api-docs");
        assertThat(spec.get("paths").has("/api/v1/facets")).isTrue();
        assertThat(spec.get("paths").has("/api/v1/masks/{id}/png")).isTrue();
        HttpResponse<String> ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/counts?colour=red                      | colour",
            "/api/v1/counts?axis=w                          | axis",
            "/api/v1/counts?region=belly                    | region",
            "/api/v1/counts?areaMin=ten                     | areaMin",
            "/api/v1/counts?areaMin=-1                      | areaMin",
            "/api/v1/counts?areaMin=10&areaMax=5            | areaMin",
            "/api/v1/counts?areaFractionMax=1.5             | areaFractionMax",
            "/api/v1/counts?widthMin=1&widthMin=2           | widthMin",
            "/api/v1/counts?label=                          | label",
            "/api/v1/counts?q=%2B%2B%2B                     | q",
            "/api/v1/facets?heightMax=9999999999999999999999 | heightMax",
            "/api/v1/masks?limit=0                          | limit",
            "/api/v1/masks?limit=1000000000                 | limit",
            "/api/v1/masks?limit=many                       | limit",
            "/api/v1/masks?sort=size                        | sort",
            "/api/v1/masks?cursor=forged.cursor             | cursor",
            "/api/v1/masks?cursor=bm90IGEgY3Vyc29y          | cursor",
            "/api/v1/images?sort=area                       | sort",
            "/api/v1/images/abc                             | id",
    })
    void refuses_bad_input_with_a_problem_naming_the_parameter(String request, String parameter) throws Exception {
        HttpResponse<String> response = get(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).startsWith(parameter);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void a_cursor_from_another_filter_or_order_is_refused() throws Exception {
        String next = ok("/api/v1/masks?limit=5").get("next").asString();
        for (String other : List.of("/api/v1/masks?limit=5&label=liver&cursor=", "/api/v1/masks?limit=5&sort=area&cursor=")) {
            HttpResponse<String> response = get(other + next);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("another filter or sort");
        }
        String tampered = next.substring(0, 10) + (next.charAt(10) == 'A' ? 'B' : 'A') + next.substring(11);
        assertThat(get("/api/v1/masks?limit=5&cursor=" + tampered).statusCode()).isEqualTo(400);
    }

    @Test
    void unknown_ids_are_404_problems() throws Exception {
        for (String path : List.of("/api/v1/images/999999", "/api/v1/masks/999999", "/api/v1/masks/999999/png")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }
}
