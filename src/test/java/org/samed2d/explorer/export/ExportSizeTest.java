package org.samed2d.explorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.SourceDatasets;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.DataSplit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An export's exact length is known from the catalog alone, before any file is read. */
@ExplorerTest
class ExportSizeTest {

    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    CatalogLookup catalog;
    @Autowired
    MediaService media;
    @Autowired
    SourceDatasets sources;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;
    ExportPlanner planner;
    Path release;

    @BeforeEach
    void aCopyOfTheSampleInTheCatalog() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        release = SampleData.copyOfRelease(temp);
        ingest.ingest(release);
        search.rebuild();
        planner = new ExportPlanner(search, catalog, media, new LicenceFiles(sources));
    }

    private static ExportRecord record(String format, Map<String, List<String>> filter) {
        return record(format, filter, null);
    }

    /** With a split, and the options of the format: a path prefix for sa-med2d, categories by dataset for COCO. */
    private static ExportRecord record(String format, Map<String, List<String>> filter, DataSplit split) {
        return new ExportRecord("00000000-0000-0000-0000-000000000001", format, "queued", 0, 0, null, 0, null,
                Instant.parse("2026-11-26T12:00:00.123Z"), null, filter, false, List.of(), 1, "someone", null, split,
                split != null && format.equals("sa-med2d") ? "/data/sa-med2d/" : null,
                split != null && format.equals("coco") ? "dataset-label" : null);
    }

    @Test
    void the_size_from_the_catalog_is_the_length_of_the_planned_archive_in_each_format() throws Exception {
        List<DataSplit> splits = java.util.Arrays.asList(null, new DataSplit(0.5, 0, "case", 3),
                new DataSplit(0.25, 0.25, "image", 1));
        for (String format : List.of("sa-med2d", "manifest", "coco")) {
            for (Map<String, List<String>> filter : List.of(Map.<String, List<String>>of(),
                    Map.of("label", List.of("liver", "spleen")))) {
                for (DataSplit split : splits) {
                    sizedAsPlanned(record(format, filter, split));
                }
            }
        }
    }

    private void sizedAsPlanned(ExportRecord export) throws Exception {
        MaskFilter parsed = FilterParser.parse(export.filter(), java.util.Set.of());
        Path folder = Files.createTempDirectory(temp, export.format());

        OptionalLong size = planner.size(export, parsed, folder.resolve("sizing"));
        long planned = planner.plan(export, parsed, folder, progress -> { }).bytes();

        assertThat(size).as(export.format() + " " + export.filter() + " " + export.split()).hasValue(planned);
        assertThat(folder.resolve("sizing")).doesNotExist();
    }

    @Test
    void sizing_reads_no_file() throws Exception {
        ExportRecord export = record("sa-med2d", Map.of());
        MaskFilter all = FilterParser.parse(Map.of(), java.util.Set.of());
        long before = planner.size(export, all, temp.resolve("a")).orElseThrow();
        try (Stream<Path> masks = Files.list(release.resolve("masks"))) {
            for (Path mask : masks.toList()) {
                Files.delete(mask);
            }
        }

        assertThat(planner.size(export, all, temp.resolve("b"))).hasValue(before);
    }

    @Test
    void a_coco_export_of_masks_measured_before_their_rle_length_was_kept_is_sized_once_planned() throws Exception {
        MaskFilter all = FilterParser.parse(Map.of(), java.util.Set.of());
        assertThat(planner.size(record("coco", Map.of()), all, temp.resolve("a"))).isPresent();

        jdbc.sql("update mask set coco_counts_chars = null where id = (select min(id) from mask)").update();

        assertThat(planner.size(record("coco", Map.of()), all, temp.resolve("b"))).isEmpty();
    }
}
