package org.samed2d.explorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
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

/**
 * What an anonymous visitor or a script learns from answers that are not the happy path: no server paths, no portal
 * page for an API path that does not exist, security headers even on the web server's own errors, and no partial
 * content for a Range that names no range.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningApiTest {

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

    @TempDir
    static Path folder;
    Path release;
    LocalApi admin;
    LocalApi anonymous;

    @BeforeAll
    void copyOfTheSample() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        release = SampleData.copyOfRelease(folder);
        ingest.ingest(release);
        search.rebuild();
        admin = new TestAccounts(accounts, tokens).api(port, Role.ADMIN);
        anonymous = new LocalApi(port);
    }

    @Test
    void a_missing_files_error_names_it_within_the_release_and_only_admins_see_where_the_release_is() throws Exception {
        String file = jdbc.sql("select path from image order by id limit 1").query(String.class).single();
        long id = jdbc.sql("select id from image order by id limit 1").query(Long.class).single();
        Files.delete(release.resolve(file));
        try {
            HttpResponse<String> seen = anonymous.get("/api/v1/images/" + id + "/png");
            assertThat(seen.statusCode()).isEqualTo(503);
            String detail = LocalApi.json(seen.body()).get("detail").asString();
            assertThat(detail).contains(file).doesNotContain(folder.toString()).doesNotContain("/tmp");
            assertThat(LocalApi.json(admin.get("/api/v1/images/" + id + "/png").body()).get("detail").asString())
                    .contains(release.toString());
        } finally {
            Files.copy(SampleData.miniRelease().resolve(file), release.resolve(file)); // the other tests read it
        }
    }

    @Test
    void unknown_api_and_actuator_paths_are_problem_json_404s_not_the_portal_page() throws Exception {
        for (String path : new String[] {"/api/v1/nope", "/api/nothing/here", "/api/v1/images/1/nope"}) {
            HttpResponse<String> answer = anonymous.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as(path).doesNotContain("<html").doesNotContain("<!doctype");
        }
        assertThat(anonymous.get("/actuator/nope").statusCode()).isEqualTo(401);
        HttpResponse<String> asAdmin = admin.get("/actuator/nope");
        assertThat(asAdmin.statusCode()).isEqualTo(404);
        assertThat(asAdmin.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        // the portal itself still answers its own routes
        assertThat(anonymous.get("/datasets").statusCode()).isEqualTo(200);
    }

    @Test
    void a_portal_path_that_is_no_page_is_a_404_that_still_brings_the_not_found_page() throws Exception {
        for (String path : new String[] {"/explroe?label=liver", "/datasets/AMOS2022/extra", "/no/such/page"}) {
            HttpResponse<String> answer = anonymous.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            // the page is the portal's own: the browser boots it and shows the not-found view with its header
            assertThat(answer.body()).as(path).containsIgnoringCase("<!doctype html").contains("<body");
        }
        long image = jdbc.sql("select id from image order by id limit 1").query(Long.class).single();
        for (String path : new String[] {"/", "/?label=liver", "/datasets", "/datasets/AMOS2022", "/image/" + image,
                "/status", "/login", "/exports", "/account"}) {
            assertThat(anonymous.get(path).statusCode()).as(path).isNotEqualTo(404).isLessThan(500);
        }
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"\\.?/?(VAADIN/[^\"]+)\"")
                .matcher(anonymous.get("/no/such/page").body());
        assertThat(script.find()).as("the page loads Vaadin's scripts").isTrue();
        assertThat(anonymous.get("/" + script.group(1)).statusCode()).as(script.group(1)).isEqualTo(200);
    }

    @Test
    void springs_own_error_path_asked_for_directly_is_no_server_error() throws Exception {
        // public mode lets anonymous GETs reach the portal's not-found page; /error outside an error dispatch
        // answered 500 with "status 999"
        HttpResponse<String> answer = anonymous.get("/error");
        assertThat(answer.statusCode()).isLessThan(500);
        assertThat(answer.body()).doesNotContain("999");
    }

    @Test
    void the_web_servers_own_400_carries_the_security_headers() throws Exception {
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/images/%zz/png HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("Content-Security-Policy: default-src 'self'").contains("X-Content-Type-Options: nosniff")
                .contains("X-Frame-Options: DENY").contains("Referrer-Policy: same-origin");
    }

    @Test
    void a_range_that_names_no_bytes_is_ignored_and_a_suffix_range_is_honoured() throws Exception {
        HttpResponse<String> started = admin.post("/api/v1/exports", "{\"format\": \"manifest\"}");
        String id = LocalApi.json(started.body()).get("id").asString();
        long length = admin.finished("/api/v1/exports/" + id).get("bytes").asLong();

        HttpResponse<byte[]> none = admin.bytes("/api/v1/exports/" + id + "/download", "Range", "bytes=-");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).hasSize((int) length);
        HttpResponse<byte[]> tail = admin.bytes("/api/v1/exports/" + id + "/download", "Range", "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes " + (length - 10) + "-" + (length - 1)
                + "/" + length);
    }
}
