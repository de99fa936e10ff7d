package org.samed2d.explorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.catalog.CatalogService;
import org.samed2d.explorer.catalog.CatalogStats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExplorerTest
class IngestTest {

    @Autowired
    IngestService ingest;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcClient jdbc;
    CatalogTestSupport tables;

    @BeforeEach
    void emptyCatalog() {
        tables = new CatalogTestSupport(jdbc);
        tables.empty();
    }

    @Test
    void ingests_the_sample_with_exact_counts() throws Exception {
        IngestReport report = ingest.ingest(SampleData.mini());

        assertThat(report.imagesAdded()).isEqualTo(4);
        assertThat(report.masksAdded()).isEqualTo(30);
        assertThat(report.skippedTotal()).isZero();
        assertThat(catalog.stats()).isEqualTo(new CatalogStats(4, 30, 2, 1, 25, 0));
        assertThat(tables.count("select count(*) from image where base_modality = 'ct' and sub_modality is null"
                + " and axis = 'z' and width = 512 and height = 512")).isEqualTo(2);
        assertThat(tables.count("select count(*) from mask m join label l on l.id = m.label_id"
                + " join dataset d on d.id = l.dataset_id where d.name = 'AMOS2022' and l.name = 'liver'")).isEqualTo(2);
    }

    @Test
    void stores_area_bbox_and_centroid_equal_to_the_pixels_of_each_mask() throws Exception {
        ingest.ingest(SampleData.mini());

        List<Map<String, Object>> masks = jdbc.sql("select path, area, bbox_x0, bbox_y0, bbox_x1, bbox_y1,"
                + " centroid_x, centroid_y from mask").query().listOfRows();
        assertThat(masks).hasSize(30);
        for (Map<String, Object> row : masks) {
            var pixels = javax.imageio.ImageIO.read(SampleData.miniRelease().resolve((String) row.get("path")).toFile())
                    .getRaster();
            long area = 0, sumX = 0;
            int x0 = Integer.MAX_VALUE, x1 = -1, y0 = Integer.MAX_VALUE, y1 = -1;
            for (int y = 0; y < pixels.getHeight(); y++) {
                for (int x = 0; x < pixels.getWidth(); x++) {
                    if (pixels.getSample(x, y, 0) == 255) {
                        area++;
                        sumX += x;
                        x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
                    }
                }
            }
            assertThat(row).as((String) row.get("path"))
                    .containsEntry("area", area)
                    .containsEntry("bbox_x0", x0).containsEntry("bbox_y0", y0)
                    .containsEntry("bbox_x1", x1).containsEntry("bbox_y1", y1)
                    .containsEntry("centroid_x", (double) sumX / area);
        }
    }

    @Test
    void a_split_zip_gives_the_same_catalog_rows_as_the_folder(@TempDir Path temp) throws Exception {
        ingest.ingest(SampleData.mini());
        List<Map<String, Object>> fromFolder = catalogRows();

        Path zip = ZipFixtures.splitZip(SampleData.mini(), temp, "SAMed2D", "64k");
        assertThat(ZipFixtures.parts(temp)).as("zip -s made a split archive").hasSizeGreaterThan(2);
        tables.empty();
        IngestReport report = ingest.ingest(zip);

        assertThat(report.source()).isEqualTo(zip.toAbsolutePath().toString());
        assertThat(catalogRows()).isEqualTo(fromFolder);
        assertThat(tables.count("select count(*) from image where entry_offset is null")).isZero();
    }

    @Test
    void a_plain_zip_of_the_folder_gives_the_same_catalog_rows(@TempDir Path temp) throws Exception {
        ingest.ingest(SampleData.mini());
        List<Map<String, Object>> fromFolder = catalogRows();

        Path zip = ZipFixtures.plainZip(SampleData.mini(), temp, "release.zip");
        tables.empty();
        ingest.ingest(zip);

        assertThat(catalogRows()).isEqualTo(fromFolder);
    }

    @Test
    void running_the_same_ingest_again_adds_nothing() throws Exception {
        ingest.ingest(SampleData.miniRelease());
        List<Map<String, Object>> before = catalogRows();

        IngestReport again = ingest.ingest(SampleData.mini());

        assertThat(again.imagesAdded()).isZero();
        assertThat(again.masksAdded()).isZero();
        assertThat(catalogRows()).isEqualTo(before);
        assertThat(tables.count("select count(*) from file_source")).isEqualTo(1);
    }

    @Test
    void a_mask_new_to_the_release_is_added_to_its_image_already_in_the_catalog(@TempDir Path temp) throws Exception {
        Path release = SampleData.copyOfRelease(temp);
        Path index = release.resolve("SAMed2D_v1.json");
        String full = Files.readString(index);
        String withheld = "\"masks/ct_00--AMOS2022--amos_0006--z_0090--0002_000.png\"";
        assertThat(full).contains(withheld);
        Files.writeString(index, full.replaceFirst(java.util.regex.Pattern.quote(withheld) + ",\\s*", ""));
        assertThat(ingest.ingest(release).masksAdded()).isEqualTo(29);

        Files.writeString(index, full);
        IngestReport again = ingest.ingest(release);

        assertThat(again.imagesAdded()).isZero();
        assertThat(again.masksAdded()).isEqualTo(1);
        assertThat(catalog.stats()).isEqualTo(new CatalogStats(4, 30, 2, 1, 25, 0));
    }

    @Test
    void a_release_of_several_batches_is_ingested_whole_with_every_reference_intact(@TempDir Path temp)
            throws Exception {
        // 5,200 images make two batches (5,000 images each at most), so reading and writing overlap.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(org.samed2d.explorer.cli.CommandLine.run(new String[] {"generate", "--images", "5200",
                "--distinct", "40", "--out", temp.toString(), "--seed", "3"},
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err)).isZero();
        long generatedMasks = Long.parseLong(out.toString(java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("(?s).*Wrote 5,200 images and ([0-9,]+) masks.*", "$1").replace(",", "").trim());

        IngestReport report = ingest.ingest(temp);

        assertThat(report.skippedTotal()).isZero();
        assertThat(report.imagesAdded()).isEqualTo(5200);
        assertThat(report.masksAdded()).isEqualTo(generatedMasks);
        assertThat(tables.count("select count(distinct path) from mask")).isEqualTo(generatedMasks);
        // The catalog keeps these references without foreign keys (V5): only joins put rows in.
        assertThat(tables.count("""
                select count(*) from mask m left join image i on i.id = m.image_id left join label l on l.id = m.label_id
                left join file_source f on f.id = m.source_id where i.id is null or l.id is null or f.id is null""")).isZero();
        assertThat(tables.count("""
                select count(*) from image i left join dataset d on d.id = i.dataset_id
                left join file_source f on f.id = i.source_id where d.id is null or f.id is null""")).isZero();
        assertThat(tables.count("""
                select count(*) from mask m join image i on i.id = m.image_id
                where m.path not like 'masks/' || substr(i.path, 8, length(i.path) - 11) || '--%'""")).isZero();
    }

    @Test
    void fails_with_a_one_line_reason_when_nothing_can_be_read(@TempDir Path temp) throws IOException {
        assertThatThrownBy(() -> ingest.ingest(temp.resolve("nowhere")))
                .isInstanceOf(IngestFailedException.class)
                .hasMessageContaining("no such file or folder");
        assertThatThrownBy(() -> ingest.ingest(temp))
                .isInstanceOf(IngestFailedException.class)
                .hasMessageContaining("no SAMed2D_v1.json");
        Path notZip = Files.writeString(temp.resolve("x.zip"), "plain text");
        assertThatThrownBy(() -> ingest.ingest(notZip))
                .isInstanceOf(IngestFailedException.class)
                .hasMessageContaining("not a ZIP archive");
        assertThat(catalog.isEmpty()).isTrue();
    }

    private List<Map<String, Object>> catalogRows() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(jdbc.sql("""
                select i.path, i.byte_size, i.modality, i.base_modality, i.sub_modality, d.name as dataset,
                       i.case_name, i.axis, i.slice, i.width, i.height
                from image i join dataset d on d.id = i.dataset_id order by i.path""").query().listOfRows());
        rows.addAll(jdbc.sql("""
                select m.path, m.byte_size, i.path as image, l.class_id, l.name, m.instance, m.area, m.bbox_x0,
                       m.bbox_y0, m.bbox_x1, m.bbox_y1, m.centroid_x, m.centroid_y
                from mask m join image i on i.id = m.image_id join label l on l.id = m.label_id
                order by m.path""").query().listOfRows());
        return rows;
    }
}
