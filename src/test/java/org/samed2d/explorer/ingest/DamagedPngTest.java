package org.samed2d.explorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PNGs that are not whole, as an interrupted copy, unzip or rejoin leaves them: cut short inside or after a chunk,
 * or with a chunk that fails its CRC. Images are checked in the names phase, masks in the geometry pass, and neither
 * reaches the catalog or the search index; bytes after IEND are accepted.
 */
@ExplorerTest
class DamagedPngTest {

    private static final String AMOS4 = "ct_00--AMOS2022--amos_0004--z_0075";
    private static final String AMOS6 = "ct_00--AMOS2022--amos_0006--z_0090";
    private static final String S0114 = "ct_00--Totalsegmentator_dataset--s0114--z_0111";
    private static final String S0619 = "ct_00--Totalsegmentator_dataset--s0619--z_0032";
    private static final byte[] TRAILING = "\0\0 bytes after IEND".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;
    Path release;

    @BeforeEach
    void damageACopyOfTheSample() throws IOException {
        new CatalogTestSupport(jdbc).empty();
        release = SampleData.copyOfRelease(temp);
        cut(image(AMOS4), 80_000); // inside its second IDAT chunk (65581..98878)
        flip(image(S0619), 1000); // inside its only IDAT chunk
        cut(mask(AMOS6, "0002_000"), 600); // inside its IDAT chunk
        cut(mask(AMOS6, "0003_000"), 1822); // IEND gone, the pixels whole: a decoder alone would take it
        flip(mask(S0114, "0001_000"), 398); // the last byte of its IDAT chunk's CRC
        Files.write(image(AMOS6), TRAILING, StandardOpenOption.APPEND);
        Files.write(mask(AMOS6, "0004_000"), TRAILING, StandardOpenOption.APPEND);
    }

    /**
     * The damaged release lives in a @TempDir that is gone after the test, and the catalog outlives the JVM: a later
     * run's first test would otherwise start on a catalog whose files cannot be read (its thumbnails answer 503).
     */
    @AfterEach
    void leaveNoCatalogOfDeletedFiles() {
        new CatalogTestSupport(jdbc).empty();
    }

    private Path image(String stem) {
        return release.resolve("images/" + stem + ".png");
    }

    private Path mask(String stem, String suffix) {
        return release.resolve("masks/" + stem + "--" + suffix + ".png");
    }

    private static void cut(Path file, int length) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, length));
    }

    private static void flip(Path file, int at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[at] ^= (byte) 0xff;
        Files.write(file, bytes);
    }

    private Path source(String kind) throws Exception {
        return kind.equals("folder") ? release : ZipFixtures.plainZip(temp, temp, "damaged.zip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder", "zip"})
    void damaged_images_and_masks_are_skipped_naming_the_file_and_where_it_breaks(String kind) throws Exception {
        IngestReport report = ingest.ingest(source(kind));

        assertThat(report.skippedByReason()).isEqualTo(Map.of(SkipReason.DAMAGED_PNG, 5L, SkipReason.IMAGE_SKIPPED, 11L));
        assertThat(report.skipped()).filteredOn(item -> item.reason() == SkipReason.DAMAGED_PNG)
                .extracting(SkippedItem::file, SkippedItem::detail).containsExactlyInAnyOrder(
                        tuple("images/" + AMOS4 + ".png", "PNG ends after 80000 bytes, inside its IDAT chunk at byte"
                                + " 65581, before IEND: the file is cut short"),
                        tuple("images/" + S0619 + ".png", "PNG's IDAT chunk at byte 33 fails its CRC check (stored"
                                + " 41abc9cf, computed 28cda108): the file is damaged"),
                        tuple("masks/" + AMOS6 + "--0002_000.png", "PNG ends after 600 bytes, inside its IDAT chunk"
                                + " at byte 33, before IEND: the file is cut short"),
                        tuple("masks/" + AMOS6 + "--0003_000.png", "PNG ends after 1822 bytes, between chunks,"
                                + " before IEND: the file is cut short"),
                        tuple("masks/" + S0114 + "--0001_000.png", "PNG's IDAT chunk at byte 33 fails its CRC check"
                                + " (stored 6410b4f3, computed 6410b40c): the file is damaged"));
        assertThat(report.skipped()).filteredOn(item -> item.reason() == SkipReason.IMAGE_SKIPPED)
                .extracting(SkippedItem::detail).containsOnly("its image images/" + AMOS4 + ".png was skipped",
                        "its image images/" + S0619 + ".png was skipped").hasSize(11);
        assertThat(report.imagesAdded()).isEqualTo(2);
        assertThat(report.masksAdded()).isEqualTo(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder", "zip"})
    void neither_the_catalog_nor_the_search_index_holds_a_damaged_file(String kind) throws Exception {
        search.rebuild(); // from the empty catalog: what follows reaches the index through the change feed
        ingest.ingest(source(kind));
        search.catchUp();

        CatalogTestSupport tables = new CatalogTestSupport(jdbc);
        assertThat(tables.count("select count(*) from image")).isEqualTo(2);
        assertThat(tables.count("select count(*) from mask where area is not null")).isEqualTo(16);
        assertThat(tables.count("select count(*) from mask where path in ('masks/" + AMOS6 + "--0002_000.png',"
                + " 'masks/" + AMOS6 + "--0003_000.png', 'masks/" + S0114 + "--0001_000.png')")).isZero();
        assertThat(tables.count("select count(*) from mask_removal")).isEqualTo(3);
        assertThat(search.counts(MaskFilter.ALL).masks()).isEqualTo(16);
        assertThat(search.counts(MaskFilter.ALL).images()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder", "zip"})
    void bytes_after_iend_are_accepted_and_kept_in_the_recorded_size(String kind) throws Exception {
        ingest.ingest(source(kind));

        assertThat(jdbc.sql("select byte_size from image where path = ?").param("images/" + AMOS6 + ".png")
                .query(Long.class).single()).isEqualTo(97_730 + TRAILING.length);
        assertThat(jdbc.sql("select byte_size from mask where path = ? and area is not null")
                .param("masks/" + AMOS6 + "--0004_000.png").query(Long.class).single())
                .isEqualTo(1_263 + TRAILING.length);
    }
}
