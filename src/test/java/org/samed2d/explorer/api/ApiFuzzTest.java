package org.samed2d.explorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Thousands of random requests, as an admin so that every endpoint is reached: random parameters and values on the
 * query API, random ids and ranges, random and broken JSON bodies. Never a 5xx, never a stack trace; every 400 is
 * problem+json that names the parameter or field at fault. The seed is printed so that a failure can be replayed.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {

    private static final int REQUESTS = 3000;
    private static final List<String> PARAMETERS = List.of("modality", "base", "dataset", "label", "axis", "area",
            "areaMin", "areaMax", "width", "height", "areaFraction", "q", "text", "sort", "limit", "cursor", "size",
            "masks", "format", "page", "x", "", "label[]", "dataset.name");
    private static final List<String> VALUES = List.of("ct", "mr_t1", "AMOS2022", "liver", "z", "2d", "10..5000",
            "..", "5..", "-1", "0", "1", "100000000000000000000", "NaN", "1e309", "abc", "", " ", "%", "'; drop table mask;--",
            "../../etc/passwd", "\u0000", "\uD83D\uDE00", "<script>", "a".repeat(5000), "1,2,3", "id", "area-desc",
            "release", "true", "null", "[]", "{}", "0.5", "2..1", "x..y");
    private static final List<String> GET_PATHS = List.of("/api/v1/counts", "/api/v1/facets", "/api/v1/masks",
            "/api/v1/images", "/api/v1/datasets", "/api/v1/labels", "/api/v1/stats");
    private static final List<String> ID_PATHS = List.of("/api/v1/images/%s", "/api/v1/images/%s/png",
            "/api/v1/images/%s/thumbnail", "/api/v1/masks/%s", "/api/v1/masks/%s/png", "/api/v1/exports/%s",
            "/api/v1/exports/%s/download", "/api/v1/segment/%s/png", "/api/v1/evaluations/%s",
            "/api/v1/evaluations/%s/csv", "/api/v1/segment/precompute/%s");
    private static final List<String> IDS = List.of("1", "0", "-5", "999999999999", "99999999999999999999999", "abc",
            "0badc0de-0000-4000-8000-000000000001", "%2e%2e", "1.5", "%00");
    // evaluations are left out: a valid random body starts a real run, and later tests would wait behind them
    private static final List<String> POST_PATHS = List.of("/api/v1/segment", "/api/v1/exports", "/api/v1/tokens",
            "/api/v1/users");
    private static final List<String> FIELDS = List.of("imageId", "box", "points", "previous", "groundTruthMaskId",
            "model", "filter", "format", "includeRestricted", "limit", "prompts", "name", "expiresInDays", "username",
            "password", "role", "x", "positive");

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

    @BeforeAll
    void sample() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        search.rebuild();
        admin = new TestAccounts(accounts, tokens).api(port, Role.ADMIN);
    }

    @Test
    void random_requests_never_get_a_5xx_or_a_stack_trace_and_every_400_names_its_field() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("API fuzz seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Request request = switch (random.nextInt(4)) {
                case 0, 1 -> query(random);
                case 2 -> byId(random);
                default -> body(random);
            };
            HttpResponse<String> response = request.method().equals("GET")
                    ? admin.send("GET", request.path(), "", request.headers())
                    : admin.send(request.method(), request.path(), request.body());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String what = request + " -> " + response.statusCode() + " " + abbreviate(response.body());
            assertThat(response.statusCode()).as(what).isLessThan(500);
            assertThat(response.body()).as(what).doesNotContain("\tat ").doesNotContain("Exception")
                    .doesNotContain("org.samed2d");
            if (response.statusCode() == 400) {
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                        .startsWith("application/problem+json");
                JsonNode problem = LocalApi.json(response.body());
                String field = problem.path("parameter").asString("");
                assertThat(field).as(what).isNotEmpty();
                assertThat(problem.path("detail").asString("")).as(what).isNotEmpty();
            }
        }
        System.out.println("API fuzz: " + REQUESTS + " requests, statuses " + statuses);
    }

    record Request(String method, String path, String body, String[] headers) {
        @Override
        public String toString() {
            return method + " " + abbreviate(path) + (body.isEmpty() ? "" : " " + abbreviate(body))
                    + (headers.length == 0 ? "" : " " + String.join(": ", headers));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static <T> T any(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static Request query(Random random) {
        StringBuilder path = new StringBuilder(any(random, GET_PATHS));
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            path.append(i == 0 ? '?' : '&').append(URLEncoder.encode(any(random, PARAMETERS), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(any(random, VALUES), StandardCharsets.UTF_8));
        }
        return new Request("GET", path.toString(), "", new String[0]);
    }

    private static Request byId(Random random) {
        String path = any(random, ID_PATHS).formatted(any(random, IDS));
        if (random.nextBoolean()) {
            path += "?size=" + URLEncoder.encode(any(random, VALUES), StandardCharsets.UTF_8);
        }
        String[] headers = random.nextInt(4) == 0 ? new String[] {"Range", any(random, List.of("bytes=0-10",
                "bytes=-5", "bytes=5-", "bytes=abc", "bytes=10-1", "bytes=0-99999999999999999999", "bytes=1-2,3-4", "items=0-1",
                "bytes=-0"))} : new String[0];
        return new Request("GET", path, "", headers);
    }

    private static Request body(Random random) {
        String path = any(random, POST_PATHS);
        if (random.nextInt(8) == 0) {
            String broken = any(random, List.of("{", "[1,2]", "not json", "{\"imageId\": }", "null", "\"text\"",
                    "{\"filter\": {\"label\": \"liver\"", "{}".repeat(3)));
            return new Request("POST", path, broken, new String[0]);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            body.put(any(random, FIELDS), value(random, 0));
        }
        return new Request("POST", path, LocalApi.JSON.writeValueAsString(body), new String[0]);
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 5 : 8)) {
            case 0 -> any(random, VALUES);
            case 1 -> random.nextInt(2000) - 100;
            case 2 -> random.nextDouble() * 1e6;
            case 3 -> random.nextBoolean();
            case 4 -> Long.MAX_VALUE;
            case 5 -> {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
            case 6 -> Map.of(any(random, PARAMETERS), List.of(value(random, depth + 1)));
            default -> Map.of("x", random.nextInt(600), "y", random.nextInt(600), "positive", random.nextBoolean());
        };
    }
}
