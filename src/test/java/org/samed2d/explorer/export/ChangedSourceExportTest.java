package org.samed2d.explorer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

/**
 * Preparing reads no file, so a file changed after ingest is caught while the archive is written: the download stops
 * short of its length and the export fails naming the file, rather than delivering bytes that contradict the CRC
 * the archive declares for them.
 */
@ExplorerTest
class ChangedSourceExportTest {

    private static final String MASK = "masks/ct_00--AMOS2022--amos_0006--z_0090--0003_000.png";

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
    @TempDir
    Path temp;
    LocalApi api;
    Path release;

    @BeforeEach
    void ingested() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        release = SampleData.copyOfRelease(temp);
        ingest.ingest(release);
        search.rebuild();
        api = new org.samed2d.explorer.TestAccounts(accounts, tokens).api(port,
                org.samed2d.explorer.security.Role.RESEARCHER);
    }

    private JsonNode finished() throws Exception {
        return api.finishedJob("/api/v1/exports", "{\"format\": \"sa-med2d\"}");
    }

    @Test
    void a_folder_file_changed_after_ingest_fails_the_download_and_the_export_naming_it() throws Exception {
        Path mask = release.resolve(MASK);
        long size = Files.size(mask);
        try (FileChannel file = FileChannel.open(mask, StandardOpenOption.WRITE)) {
            file.write(java.nio.ByteBuffer.wrap(new byte[] {0x55}), size - 20); // same size, another CRC
        }
        JsonNode record = finished();
        assertThat(record.get("state").asString()).as("planned from the catalog, no file read").isEqualTo("done");
        String id = record.get("id").asString();

        boolean whole;
        try {
            HttpResponse<byte[]> download = api.bytes("/api/v1/exports/" + id + "/download");
            whole = download.statusCode() == 200 && download.body().length == record.get("bytes").asLong();
        } catch (IOException cutShort) {
            whole = false;
        }
        assertThat(whole).as("a download that ends short of its Content-Length, or an error").isFalse();
        JsonNode after = LocalApi.json(api.get("/api/v1/exports/" + id).body());
        assertThat(after.get("state").asString()).isEqualTo("failed");
        assertThat(after.get("error").asString()).contains(MASK).contains("changed");
    }

    @Test
    void a_folder_file_changed_after_ingest_fails_the_export_written_into_a_file_naming_it() throws Exception {
        Path mask = release.resolve(MASK);
        try (FileChannel file = FileChannel.open(mask, StandardOpenOption.WRITE)) {
            file.write(java.nio.ByteBuffer.wrap(new byte[] {0x55}), Files.size(mask) - 20); // same size, another CRC
        }

        assertThatThrownBy(() -> writtenIntoAFile()).isInstanceOf(IOException.class)
                .hasMessageContaining(MASK).hasMessageContaining("changed after it was ingested")
                .hasMessageContaining("CRC-32");
    }

    @Test
    void a_folder_file_cut_short_after_ingest_fails_the_export_written_into_a_file_naming_it() throws Exception {
        Path mask = release.resolve(MASK);
        try (FileChannel file = FileChannel.open(mask, StandardOpenOption.WRITE)) {
            file.truncate(Files.size(mask) - 20);
        }

        assertThatThrownBy(() -> writtenIntoAFile()).isInstanceOf(IOException.class)
                .hasMessageContaining(MASK).hasMessageContaining("the file changed after it was ingested");
    }

    /** {@code export --out}'s way: the archive written into a file while it is prepared. */
    private void writtenIntoAFile() throws Exception {
        ExportRecord started = exports.startForWriting(new ExportRequest(java.util.Map.of(), "sa-med2d", false, null,
                null, null));
        Path written = temp.resolve("written.zip");
        try (FileChannel file = FileChannel.open(written, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            exports.writeWhilePlanned(started.id(), file);
        }
    }
}
