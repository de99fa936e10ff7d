package org.samed2d.explorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.catalog.CatalogService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/** A copy of the sample with one fault of every kind the ingest must report and survive. */
@ExplorerTest
class FaultyReleaseTest {

    private static final String AMOS4 = "ct_00--AMOS2022--amos_0004--z_0075";
    private static final String AMOS6 = "ct_00--AMOS2022--amos_0006--z_0090";

    @Autowired
    IngestService ingest;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;
    Path release;

    @BeforeEach
    void makeFaultyRelease() throws IOException {
        new CatalogTestSupport(jdbc).empty();
        release = SampleData.copyOfRelease(temp);
        Files.delete(mask(AMOS4, "0001_000"));
        Files.writeString(mask(AMOS4, "0002_000"), "this is no PNG");
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", mask(AMOS4, "0003_000").toFile());
        BufferedImage grey = new BufferedImage(512, 512, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(100, 200, 0, 255);
        grey.getRaster().setSample(101, 200, 0, 128);
        ImageIO.write(grey, "png", mask(AMOS6, "0001_000").toFile());
        Files.copy(mask(AMOS6, "0002_000"), mask(AMOS6, "0099_000"));
        Files.writeString(release.resolve("images/ct_00--AMOS2022--amos_0100--z_0001.png"), "text, not pixels");

        JsonMapper json = JsonMapper.builder().build();
        Path indexFile = release.resolve("SAMed2D_v1.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> index = json.readValue(indexFile.toFile(), LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        List<String> amos6 = new java.util.ArrayList<>((List<String>) index.get("images/" + AMOS6 + ".png"));
        amos6.add("masks/" + AMOS6 + "--0099_000.png");
        amos6.add("masks/../../outside.png");
        amos6.add("masks/not-a-release-name.png");
        index.put("images/" + AMOS6 + ".png", amos6);
        index.put("images/../escape.png", List.of());
        index.put("images/ct_00--AMOS2022--amos_0100--z_0001.png", List.of());
        index.put("images/ct_00--AMOS2022--amos_0101--z_0001.png",
                List.of("masks/ct_00--AMOS2022--amos_0101--z_0001--0003_000.png"));
        index.put("images/x.png", 5);
        json.writeValue(indexFile.toFile(), index);
    }

    private Path mask(String stem, String suffix) {
        return release.resolve("masks/" + stem + "--" + suffix + ".png");
    }

    @Test
    void reports_every_bad_item_with_its_file_and_reason_and_ingests_the_rest() throws Exception {
        IngestReport report = ingest.ingest(release);

        assertThat(report.imagesAdded()).isEqualTo(4);
        assertThat(report.masksAdded()).isEqualTo(26);
        assertThat(catalog.stats().images()).isEqualTo(4);
        assertThat(catalog.stats().masks()).isEqualTo(26);
        assertThat(catalog.stats().masksWithoutGeometry()).isZero();
        assertThat(report.skippedByReason()).isEqualTo(Map.of(
                SkipReason.MISSING_FILE, 2L,
                SkipReason.IMAGE_SKIPPED, 1L,
                SkipReason.UNREADABLE_PNG, 2L,
                SkipReason.SIZE_MISMATCH, 1L,
                SkipReason.NON_BINARY_MASK, 1L,
                SkipReason.UNKNOWN_CLASS_ID, 1L,
                SkipReason.OUTSIDE_ROOT, 2L,
                SkipReason.INVALID_NAME, 1L,
                SkipReason.MALFORMED_ENTRY, 1L));
        assertThat(report.skipped()).extracting(SkippedItem::file, SkippedItem::reason).contains(
                org.assertj.core.groups.Tuple.tuple("masks/" + AMOS4 + "--0001_000.png", SkipReason.MISSING_FILE),
                org.assertj.core.groups.Tuple.tuple("masks/" + AMOS4 + "--0002_000.png", SkipReason.UNREADABLE_PNG),
                org.assertj.core.groups.Tuple.tuple("masks/" + AMOS4 + "--0003_000.png", SkipReason.SIZE_MISMATCH),
                org.assertj.core.groups.Tuple.tuple("masks/" + AMOS6 + "--0001_000.png", SkipReason.NON_BINARY_MASK),
                org.assertj.core.groups.Tuple.tuple("masks/" + AMOS6 + "--0099_000.png", SkipReason.UNKNOWN_CLASS_ID),
                org.assertj.core.groups.Tuple.tuple("masks/../../outside.png", SkipReason.OUTSIDE_ROOT),
                org.assertj.core.groups.Tuple.tuple("images/../escape.png", SkipReason.OUTSIDE_ROOT),
                org.assertj.core.groups.Tuple.tuple("masks/not-a-release-name.png", SkipReason.INVALID_NAME),
                org.assertj.core.groups.Tuple.tuple("images/ct_00--AMOS2022--amos_0100--z_0001.png", SkipReason.UNREADABLE_PNG),
                org.assertj.core.groups.Tuple.tuple("images/ct_00--AMOS2022--amos_0101--z_0001.png", SkipReason.MISSING_FILE),
                org.assertj.core.groups.Tuple.tuple("masks/ct_00--AMOS2022--amos_0101--z_0001--0003_000.png",
                        SkipReason.IMAGE_SKIPPED),
                org.assertj.core.groups.Tuple.tuple("images/x.png", SkipReason.MALFORMED_ENTRY));
        assertThat(report.skipped()).filteredOn(item -> item.reason() == SkipReason.SIZE_MISMATCH)
                .extracting(SkippedItem::detail).containsExactly("mask is 10x10, its image 512x512");
        assertThat(jdbc.sql("select count(*) from mask where path like '%0099_000%' or area is null")
                .query(Long.class).single()).as("no partial rows").isZero();
    }

    @Test
    void a_faulty_copy_never_damages_what_is_already_stored() throws Exception {
        ingest.ingest(SampleData.mini());
        ingest.ingest(release);

        assertThat(catalog.stats().images()).isEqualTo(4);
        assertThat(catalog.stats().masks()).isEqualTo(30);
    }

    @Test
    void a_truncated_index_keeps_what_was_read_and_warns() throws Exception {
        Path indexFile = release.resolve("SAMed2D_v1.json");
        String text = Files.readString(SampleData.miniRelease().resolve("SAMed2D_v1.json"));
        Files.writeString(indexFile, text.substring(0, text.indexOf("images/ct_00--Totalsegmentator_dataset--s0114")));
        FileSystemUtils.deleteRecursively(release.resolve("masks"));
        FileSystemUtils.copyRecursively(SampleData.miniRelease().resolve("masks"), release.resolve("masks"));

        IngestReport report = ingest.ingest(release);

        assertThat(report.imagesAdded()).isEqualTo(2);
        assertThat(report.masksAdded()).isEqualTo(7);
        assertThat(report.warning()).contains("SAMed2D_v1.json").contains("items before the fault were ingested");
    }
}
