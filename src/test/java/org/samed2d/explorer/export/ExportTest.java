package org.samed2d.explorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** Exports of the real sample in each format, read back; byte ranges and resumption; licences; bad requests. */
@ExplorerTest
class ExportTest {

    private static final JsonMapper JSON = LocalApi.JSON;
    private static final String ROWS = "select m.path, i.path as image, m.area, m.bbox_x0, m.bbox_y0, m.bbox_x1,"
            + " m.bbox_y1, l.class_id, l.name from mask m join image i on i.id = m.image_id"
            + " join label l on l.id = m.label_id order by m.path";

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

    @BeforeEach
    void sample() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        search.rebuild();
        api = new org.samed2d.explorer.TestAccounts(accounts, tokens).api(port, org.samed2d.explorer.security.Role.RESEARCHER);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return api.post("/api/v1/exports", body);
    }

    private JsonNode finished(String body) throws Exception {
        return api.finishedJob("/api/v1/exports", body);
    }

    private HttpResponse<byte[]> download(String id, String range) throws Exception {
        String path = "/api/v1/exports/" + id + "/download";
        return range == null ? api.bytes(path) : api.bytes(path, "Range", range);
    }

    @Test
    void a_release_layout_export_ingests_back_into_the_same_catalog_rows() throws Exception {
        List<Map<String, Object>> before = jdbc.sql(ROWS).query().listOfRows();
        JsonNode record = finished("{\"format\": \"sa-med2d\"}");
        assertThat(record.get("state").asString()).isEqualTo("done");
        assertThat(record.get("masks").asLong()).isEqualTo(30);
        HttpResponse<byte[]> whole = download(record.get("id").asString(), null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat((long) whole.body().length).isEqualTo(record.get("bytes").asLong());
        assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(record.get("bytes").asLong());
        Path zip = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "export", ".zip");
        Files.write(zip, whole.body());
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            assertThat(archive.getEntry("SAMed2Dv1/SAMed2D_v1.json")).isNotNull();
            assertThat(archive.getEntry("LICENSES.md")).isNotNull();
            String file = "masks/ct_00--AMOS2022--amos_0006--z_0090--0003_000.png";
            assertThat(archive.getInputStream(archive.getEntry("SAMed2Dv1/" + file)).readAllBytes())
                    .isEqualTo(Files.readAllBytes(SampleData.miniRelease().resolve(file)));
            String citations = new String(archive.getInputStream(archive.getEntry("CITATIONS.bib")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(citations).contains("SA-Med2D-20M").contains("@inproceedings{AMOS2022");
        }

        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(zip);
        assertThat(jdbc.sql(ROWS).query().listOfRows()).isEqualTo(before);
    }

    @Test
    void a_manifest_lists_every_mask_with_the_sha256_of_its_files() throws Exception {
        JsonNode record = finished("{\"format\": \"manifest\", \"filter\": {\"label\": [\"liver\", \"aorta\"]}}");
        byte[] zip = download(record.get("id").asString(), null).body();
        Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "manifest", ".zip");
        Files.write(file, zip);
        try (ZipFile archive = new ZipFile(file.toFile())) {
            assertThat(archive.stream().map(ZipEntry::getName)).containsExactly("manifest.csv", "manifest.jsonl",
                    "manifest.json", "LICENSES.md", "CITATIONS.bib");
            List<String> rows = new String(archive.getInputStream(archive.getEntry("manifest.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8).lines().toList();
            assertThat(rows).hasSize(5);
            for (String row : rows) {
                JsonNode mask = JSON.readTree(row);
                assertThat(mask.get("mask_sha256").asString()).isEqualTo(ExportPlanner.sha256(
                        Files.readAllBytes(SampleData.miniRelease().resolve(mask.get("mask_file").asString()))));
                assertThat(mask.get("label").asString()).isIn("liver", "aorta");
            }
            String csv = new String(archive.getInputStream(archive.getEntry("manifest.csv")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(csv.lines()).hasSize(6).first().asString().startsWith("mask_id,mask_file,mask_sha256");
            JsonNode manifest = JSON.readTree(archive.getInputStream(archive.getEntry("manifest.json")).readAllBytes());
            assertThat(manifest.get("masks").asLong()).isEqualTo(5);
            assertThat(manifest.get("filter").get("label").toString()).isEqualTo("[\"aorta\",\"liver\"]");
        }
    }

    @Test
    void a_coco_export_decodes_to_exactly_the_mask_pixels() throws Exception {
        JsonNode record = finished("{\"format\": \"coco\", \"filter\": {\"dataset\": [\"AMOS2022\"]}}");
        assertThat(record.get("state").asString()).isEqualTo("done");
        Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "coco", ".zip");
        Files.write(file, download(record.get("id").asString(), null).body());
        try (ZipFile archive = new ZipFile(file.toFile())) {
            JsonNode coco = JSON.readTree(archive.getInputStream(archive.getEntry("annotations.json")).readAllBytes());
            assertThat(coco.get("images")).hasSize(2);
            assertThat(coco.get("annotations")).hasSize(7);
            Map<Long, String> categories = new java.util.HashMap<>();
            coco.get("categories").forEach(c -> categories.put(c.get("id").asLong(), c.get("name").asString()));
            for (JsonNode annotation : coco.get("annotations")) {
                var mask = jdbc.sql("select m.path, m.area, m.bbox_x0, m.bbox_y0, m.bbox_x1, m.bbox_y1, l.name"
                        + " from mask m join label l on l.id = m.label_id where m.id = ?")
                        .param(annotation.get("id").asLong()).query().singleRow();
                var pixels = javax.imageio.ImageIO.read(SampleData.miniRelease().resolve((String) mask.get("path")).toFile());
                int width = pixels.getWidth();
                int height = pixels.getHeight();
                boolean[] expected = new boolean[width * height];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        expected[y * width + x] = (pixels.getRaster().getSample(x, y, 0)) > 127;
                    }
                }
                JsonNode rle = annotation.get("segmentation");
                assertThat(org.samed2d.explorer.CocoRleDecoder.decode(rle.get("counts").asString(),
                        rle.get("size").get(0).asInt(), rle.get("size").get(1).asInt())).isEqualTo(expected);
                assertThat(annotation.get("area").asLong()).isEqualTo(((Number) mask.get("area")).longValue());
                int x0 = (int) mask.get("bbox_x0");
                int y0 = (int) mask.get("bbox_y0");
                assertThat(annotation.get("bbox").toString()).isEqualTo("[%d,%d,%d,%d]".formatted(x0, y0,
                        (int) mask.get("bbox_x1") - x0 + 1, (int) mask.get("bbox_y1") - y0 + 1));
                assertThat(categories.get(annotation.get("category_id").asLong())).isEqualTo(mask.get("name"));
                assertThat(annotation.get("iscrowd").asInt()).isZero();
            }
            JsonNode firstImage = coco.get("images").get(0);
            assertThat(archive.getEntry("images/" + firstImage.get("file_name").asString())).isNotNull();
        }
    }

    @Test
    void byte_ranges_are_exactly_the_bytes_of_the_whole_and_a_cut_download_resumes() throws Exception {
        JsonNode record = finished("{\"format\": \"sa-med2d\", \"filter\": {\"dataset\": [\"AMOS2022\"]}}");
        String id = record.get("id").asString();
        byte[] whole = download(id, null).body();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20; i++) {
            int from = random.nextInt(whole.length);
            int to = from + random.nextInt(whole.length - from);
            HttpResponse<byte[]> part = download(id, "bytes=" + from + "-" + to);
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes " + from + "-" + to + "/" + whole.length);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole, from, to + 1));
        }
        assertThat(download(id, "bytes=-100").body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 100, whole.length));
        assertThat(download(id, "bytes=" + whole.length + "-").statusCode()).isEqualTo(416);

        // a download cut after 12,345 bytes and resumed as curl -C - does
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        resumed.write(whole, 0, 12_345);
        resumed.write(download(id, "bytes=12345-").body());
        assertThat(resumed.toByteArray()).isEqualTo(whole);
        // the same filter and catalog give the same archive apart from its creation time in manifest.json
        assertThat(finished("{\"format\": \"sa-med2d\", \"filter\": {\"dataset\": [\"AMOS2022\"]}}").get("bytes").asLong())
                .isEqualTo(whole.length);
    }

    @Test
    void sources_that_may_not_be_redistributed_are_left_out_unless_asked_for() throws Exception {
        ingest.ingest(SampleData.generated());
        search.rebuild();
        long restricted = jdbc.sql("select count(*) from mask m join image i on i.id = m.image_id join dataset d"
                + " on d.id = i.dataset_id where d.name = 'Brain_PTM'").query(Long.class).single();
        assertThat(restricted).as("the generated release holds a dataset marked not redistributable").isPositive();

        JsonNode without = finished("{\"format\": \"manifest\", \"filter\": {\"dataset\": [\"Brain_PTM\", \"AMOS2022\"]}}");
        assertThat(without.get("excludedDatasets").toString()).isEqualTo("[\"Brain_PTM\"]");
        long amos = jdbc.sql("select count(*) from mask m join image i on i.id = m.image_id join dataset d"
                + " on d.id = i.dataset_id where d.name = 'AMOS2022'").query(Long.class).single();
        assertThat(without.get("masks").asLong()).isEqualTo(amos);

        JsonNode with = finished("{\"format\": \"manifest\", \"includeRestricted\": true,"
                + " \"filter\": {\"dataset\": [\"Brain_PTM\", \"AMOS2022\"]}}");
        assertThat(with.get("masks").asLong()).isEqualTo(amos + restricted);

        HttpResponse<String> only = post("{\"format\": \"manifest\", \"filter\": {\"dataset\": [\"Brain_PTM\"]}}");
        assertThat(only.statusCode()).isEqualTo(400);
        assertThat(only.body()).contains("may not be redistributed").contains("includeRestricted");
    }

    @Autowired
    ExportService exports;

    @Test
    void an_export_a_stop_interrupted_is_marked_failed_and_restarts() throws Exception {
        String id = "0badc0de-0000-4000-8000-000000000001";
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "explorer-test-data", "exports", id);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("export.json"), JSON.writeValueAsString(new ExportRecord(id, "manifest",
                "running", 30, 4, null, 0.4, null, java.time.Instant.parse("2026-11-26T10:00:00Z"), null,
                Map.of(), false, List.of(), 0, "test-researcher", null, null, null, null)));

        exports.recover();

        ExportRecord interrupted = exports.get(id).orElseThrow();
        assertThat(interrupted.state()).isEqualTo("failed");
        assertThat(interrupted.error()).contains("server stopped");
        exports.restart(id, ExportQuota.NONE);
        ExportRecord restarted = org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1))
                .until(() -> exports.get(id).orElseThrow(), record -> !record.state().matches("queued|running"));
        assertThat(restarted.state()).isEqualTo("done");
        assertThat(download(id, null).statusCode()).isEqualTo(200);
    }

    @Test
    void bad_requests_get_clear_errors() throws Exception {
        HttpResponse<String> format = post("{\"format\": \"tar\"}");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(format.body()).get("parameter").asString()).isEqualTo("format");
        HttpResponse<String> empty = post("{\"format\": \"manifest\", \"filter\": {\"dataset\": [\"Nope\"]}}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("detail").asString()).startsWith("filter: no mask matches");
        HttpResponse<String> filter = post("{\"format\": \"manifest\", \"filter\": {\"axis\": [\"w\"]}}");
        assertThat(JSON.readTree(filter.body()).get("parameter").asString()).isEqualTo("axis");
        assertThat(download("00000000-0000-0000-0000-000000000000", null).statusCode()).isEqualTo(404);
    }

    @Autowired
    org.samed2d.explorer.catalog.SourceDatasets sources;

    @Test
    void an_admins_licence_correction_reaches_the_next_exports_licences_and_the_api() throws Exception {
        LocalApi admin = new org.samed2d.explorer.TestAccounts(accounts, tokens).api(port, org.samed2d.explorer.security.Role.ADMIN);
        try {
            HttpResponse<String> bad = admin.send("PUT", "/api/v1/datasets/Totalsegmentator_dataset/licence",
                    "{\"licence\": \"CC BY 4.0\", \"redistributable\": \"maybe\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).get("parameter").asString()).isEqualTo("redistributable");
            assertThat(api.send("PUT", "/api/v1/datasets/Totalsegmentator_dataset/licence",
                    "{\"licence\": \"x\", \"redistributable\": \"yes\"}").statusCode()).as("a researcher").isEqualTo(403);
            HttpResponse<String> corrected = admin.send("PUT", "/api/v1/datasets/Totalsegmentator_dataset/licence",
                    "{\"licence\": \"CC BY 4.0 (corrected by a test)\", \"redistributable\": \"yes\"}");
            assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
            assertThat(api.get("/api/v1/datasets/Totalsegmentator_dataset/licence").body()).contains("corrected by a test");

            JsonNode record = finished("{\"format\": \"manifest\", \"filter\": {\"dataset\": [\"Totalsegmentator_dataset\"]}}");
            Path zip = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "export", ".zip");
            Files.write(zip, download(record.get("id").asString(), null).body());
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                assertThat(new String(archive.getInputStream(archive.getEntry("LICENSES.md")).readAllBytes(),
                        StandardCharsets.UTF_8)).contains("CC BY 4.0 (corrected by a test)");
            }
        } finally {
            sources.revert("Totalsegmentator_dataset");
        }
    }

    @Test
    void the_export_command_writes_a_folder_release_while_it_is_prepared_and_gets_the_bytes_a_download_gets()
            throws Exception {
        // the geometry pass keeps each mask's CRC; before it has, a mask's entry waits for its file to be read
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from mask where crc is null").query(Long.class).single() == 0);
        ExportRecord started = exports.startForWriting(new ExportRequest(java.util.Map.of("label", java.util.List.of(
                "liver", "aorta")), "sa-med2d", false, null, null, null));
        Path written = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "written", ".zip");

        try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(written,
                java.nio.file.StandardOpenOption.WRITE)) {
            assertThat(exports.writeWhilePlanned(started.id(), file)).as("written while planned").isTrue();
        }

        ExportRecord done = exports.get(started.id()).orElseThrow();
        assertThat(done.state()).isEqualTo("done");
        assertThat(Files.size(written)).isEqualTo(done.bytes());
        java.io.ByteArrayOutputStream downloaded = new java.io.ByteArrayOutputStream();
        exports.download(done.id(), 0, done.bytes() - 1, downloaded);
        assertThat(Files.readAllBytes(written)).isEqualTo(downloaded.toByteArray());
    }

    @Test
    void a_file_whose_crc_the_catalog_lacks_stops_writing_while_planned_and_the_download_after_has_it()
            throws Exception {
        jdbc.sql("update mask set crc = null").update(); // as migration V10 leaves a catalog made before it
        ExportRecord started = exports.startForWriting(new ExportRequest(java.util.Map.of(), "sa-med2d", false, null,
                null, null));

        Path partial = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "partial", ".zip");
        try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(partial,
                java.nio.file.StandardOpenOption.WRITE)) {
            assertThat(exports.writeWhilePlanned(started.id(), file)).isFalse();
        }

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> exports
                .get(started.id()).orElseThrow().state().equals("done"));
        ExportRecord done = exports.get(started.id()).orElseThrow();
        Path zip = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "export", ".zip");
        try (java.io.OutputStream file = Files.newOutputStream(zip)) {
            exports.download(done.id(), 0, done.bytes() - 1, file);
        }
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String file = "masks/ct_00--AMOS2022--amos_0006--z_0090--0003_000.png";
            assertThat(archive.getInputStream(archive.getEntry("SAMed2Dv1/" + file)).readAllBytes())
                    .as("read back through its CRC").isEqualTo(Files.readAllBytes(SampleData.miniRelease().resolve(file)));
        }
    }

    @Test
    void the_same_filter_on_the_same_catalog_gives_the_same_bytes() throws Exception {
        String body = "{\"format\": \"sa-med2d\", \"filter\": {\"dataset\": [\"AMOS2022\"]}}";
        JsonNode first = finished(body);
        JsonNode second = finished(body);

        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(second.get("created").asString()).as("started later").isNotEqualTo(first.get("created").asString());
        assertThat(download(second.get("id").asString(), null).body())
                .isEqualTo(download(first.get("id").asString(), null).body());
    }

    @Test
    void a_small_export_answers_with_its_exact_size_at_once() throws Exception {
        HttpResponse<String> started = post("{\"format\": \"sa-med2d\", \"filter\": {\"label\": [\"liver\"]}}");
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode record = JSON.readTree(started.body());
        assertThat(record.get("state").asString()).isEqualTo("done");
        HttpResponse<byte[]> whole = download(record.get("id").asString(), null);
        assertThat(record.get("bytes").asLong()).isEqualTo(whole.body().length);
    }
}
