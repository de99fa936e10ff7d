package org.samed2d.explorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipSplitReadOnlySeekableByteChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An export from a split-ZIP release copies each image and mask entry exactly as the source stores it (a DEFLATED
 * entry stays DEFLATED, with the source's CRC-32 and sizes), reads no file to plan it, and is a ZIP that Info-ZIP and
 * Python accept, as long as planned, and resumable byte for byte.
 */
@ExplorerTest
class SplitZipExportTest {

    @LocalServerPort
    int port;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExportService exports;
    @Autowired
    org.samed2d.explorer.security.UserAccounts accounts;
    @Autowired
    org.samed2d.explorer.security.ApiTokens tokens;
    LocalApi api;

    @BeforeEach
    void empty() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        api = new org.samed2d.explorer.TestAccounts(accounts, tokens).api(port,
                org.samed2d.explorer.security.Role.RESEARCHER);
    }

    /** A generated release of 40 images as a split ZIP of 64 kB parts, its entries all STORED or all DEFLATED. */
    private static Path splitRelease(String method) {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "split-export-" + method);
        Path zip = folder.resolve("SAMed2D.zip");
        if (!Files.isRegularFile(zip)) {
            int status = org.samed2d.explorer.cli.CommandLine.run(new String[] {"generate", "--images", "40",
                    "--out", folder.toString(), "--seed", "11", "--split-zip", "64k", "--zip-method", method},
                    System.out, System.err);
            assertThat(status).as("generate exited with").isZero();
        }
        return zip;
    }

    private void ingested(Path zip) throws Exception {
        ingest.ingest(zip);
        search.rebuild();
    }

    private JsonNode exported() throws Exception {
        JsonNode record = api.finishedJob("/api/v1/exports", "{\"format\": \"sa-med2d\"}");
        assertThat(record.get("state").asString()).as(record.toString()).isEqualTo("done");
        return record;
    }

    private HttpResponse<byte[]> download(String id, String... headers) throws Exception {
        return api.bytes("/api/v1/exports/" + id + "/download", headers);
    }

    private static ZipFile source(Path zip) throws IOException {
        return ZipFile.builder().setSeekableByteChannel(ZipSplitReadOnlySeekableByteChannel.buildFromLastSplitSegment(
                zip.toFile())).get();
    }

    @ParameterizedTest(name = "{0} source entries")
    @ValueSource(strings = {"stored", "deflated"})
    void every_image_and_mask_entry_is_the_source_entry_copied_as_stored(String method) throws Exception {
        Path zip = splitRelease(method);
        ingested(zip);
        assertThat(jdbc.sql("select count(*) from mask where crc is null").query(Long.class).single())
                .as("masks without the CRC their central directory states").isZero();
        assertThat(jdbc.sql("select count(*) from image where crc is null").query(Long.class).single()).isZero();
        JsonNode record = exported();
        HttpResponse<byte[]> whole = download(record.get("id").asString());
        assertThat((long) whole.body().length).as("the planned length").isEqualTo(record.get("bytes").asLong());
        Path archive = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "split-export", ".zip");
        Files.write(archive, whole.body());

        int expectedMethod = method.equals("stored") ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED;
        int copied = 0;
        try (ZipFile exported = ZipFile.builder().setPath(archive).get(); ZipFile released = source(zip)) {
            for (ZipArchiveEntry entry : Collections.list(exported.getEntries())) {
                if (!entry.getName().matches("SAMed2Dv1/(images|masks)/.*")) {
                    assertThat(entry.getMethod()).as(entry.getName() + " is generated").isEqualTo(ZipArchiveEntry.STORED);
                    continue;
                }
                ZipArchiveEntry original = released.getEntry(entry.getName());
                assertThat(original).as(entry.getName() + " in the source").isNotNull();
                assertThat(original.getMethod()).as("the generator wrote " + method).isEqualTo(expectedMethod);
                assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(original.getMethod());
                assertThat(entry.getCrc()).as(entry.getName()).isEqualTo(original.getCrc());
                assertThat(entry.getSize()).as(entry.getName()).isEqualTo(original.getSize());
                assertThat(entry.getCompressedSize()).as(entry.getName()).isEqualTo(original.getCompressedSize());
                assertThat(raw(exported, entry)).as(entry.getName() + "'s data").isEqualTo(raw(released, original));
                copied++;
            }
        }
        assertThat(copied).isEqualTo(record.get("images").asInt() + record.get("masks").asInt());

        assertThat(run("unzip", "-tq", archive.toString())).startsWith("No errors detected");
        assertThat(run("python3", "-c", """
                import sys, zipfile
                with zipfile.ZipFile(sys.argv[1]) as z:
                    assert z.testzip() is None, z.testzip()
                    total = sum(len(z.read(info)) == info.file_size for info in z.infolist())
                    print(total, len(z.infolist()))""", archive.toString()).strip())
                .as("entries read whole at their declared size, of all entries")
                .isEqualTo(entries(archive) + " " + entries(archive));
    }

    @Test
    void the_export_command_writes_into_its_file_the_archive_a_download_gets() throws Exception {
        ingested(splitRelease("deflated"));
        ExportRecord started = exports.startForWriting(new ExportRequest(java.util.Map.of(), "sa-med2d", false, null,
                null, null));
        Path written = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "written", ".zip");

        try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(written,
                java.nio.file.StandardOpenOption.WRITE)) {
            assertThat(exports.writeWhilePlanned(started.id(), file)).isTrue();
        }

        ExportRecord done = exports.get(started.id()).orElseThrow();
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        exports.download(done.id(), 0, done.bytes() - 1, downloaded);
        assertThat(Files.readAllBytes(written)).isEqualTo(downloaded.toByteArray());
        assertThat(run("unzip", "-tq", written.toString())).startsWith("No errors detected");
    }

    @Test
    void a_download_cut_in_the_middle_of_a_deflated_entry_resumes_byte_for_byte() throws Exception {
        ingested(splitRelease("deflated"));
        JsonNode record = exported();
        String id = record.get("id").asString();
        HttpResponse<byte[]> first = download(id);
        byte[] whole = first.body();
        String etag = first.headers().firstValue("ETag").orElseThrow();
        int cut = whole.length / 2;

        HttpResponse<byte[]> rest = download(id, "Range", "bytes=" + cut + "-", "If-Range", etag);
        assertThat(rest.statusCode()).isEqualTo(206);
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        resumed.write(whole, 0, cut);
        resumed.write(rest.body());
        assertThat(resumed.toByteArray()).isEqualTo(whole);
        // an If-Range of another archive gets the whole of this one
        HttpResponse<byte[]> stale = download(id, "Range", "bytes=" + cut + "-", "If-Range", "\"other-1\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(whole);
    }

    @Test
    void a_catalog_from_before_entry_crcs_exports_the_same_archive_and_gets_them_from_the_central_directory()
            throws Exception {
        Path zip = splitRelease("deflated");
        ingested(zip);
        String crcs = "select string_agg(path || '=' || crc, ',' order by path) from (select path, crc from image"
                + " union all select path, crc from mask) f";
        String before = jdbc.sql(crcs).query(String.class).single();
        byte[] withCrcs = download(exported().get("id").asString()).body();

        // as migration V10 leaves a catalog made before it
        jdbc.sql("update image set crc = null").update();
        jdbc.sql("update mask set crc = null").update();
        byte[] withoutCrcs = download(exported().get("id").asString()).body();
        assertThat(withoutCrcs).as("the entries were read for their CRC instead").isEqualTo(withCrcs);

        ingest.ingest(zip); // adds nothing, and fills what the catalog lacks from the central directory
        assertThat(jdbc.sql(crcs).query(String.class).single()).isEqualTo(before);
    }

    private static byte[] raw(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream in = zip.getRawInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static int entries(Path archive) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            return Collections.list(zip.getEntries()).size();
        }
    }

    /** Runs a tool on the archive; returns its output once it has exited with 0. */
    private static String run(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(line.getFirst() + " finished").isTrue();
        assertThat(process.exitValue()).as(line.getFirst() + " said: " + output).isZero();
        return output;
    }
}
