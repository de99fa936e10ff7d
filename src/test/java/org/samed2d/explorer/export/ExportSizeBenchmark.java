package org.samed2d.explorer.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.SourceDatasets;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.DataSplit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long sizing an export takes at about 1M masks, with and without a split, in each format (sizing reads no
 * file, so the catalog's rows are made with SQL and no file exists). Run with
 * {@code mvn test -Dtest=ExportSizeBenchmark -Dtest.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false};
 * the catalog stays in target/export-bench (delete it to start over; {@code -Dbench.images=N} for its size).
 */
@Tag("bench")
@SpringBootTest(properties = {"explorer.data-dir=target/export-bench/data", "explorer.sample=false",
        "explorer.ingest.resume-on-start=false", "explorer.export.recover-on-start=false"})
class ExportSizeBenchmark {

    private static final int IMAGES = Integer.getInteger("bench.images", 222_000);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SearchService search;
    @Autowired
    CatalogLookup catalog;
    @Autowired
    MediaService media;
    @Autowired
    SourceDatasets sources;

    @Test
    void sizes() throws Exception {
        long masks = jdbc.sql("select count(*) from mask").query(Long.class).single();
        if (masks == 0) {
            seed();
            search.rebuild();
            masks = jdbc.sql("select count(*) from mask").query(Long.class).single();
        }
        long cases = jdbc.sql("select count(*) from (select distinct dataset_id, case_name from image) c")
                .query(Long.class).single();
        System.out.printf("Catalog: %,d masks on %,d images, %,d cases%n", masks,
                search.counts(MaskFilter.ALL).images(), cases);
        ExportPlanner planner = new ExportPlanner(search, catalog, media, new LicenceFiles(sources));
        Path scratch = Files.createDirectories(Path.of("target/export-bench/scratch"));
        DataSplit split = new DataSplit(0.1, 0.2, "case", 1);
        for (int round = 0; round < 2; round++) {
            for (String format : List.of("sa-med2d", "manifest", "coco")) {
                for (DataSplit each : java.util.Arrays.asList(null, split)) {
                    ExportRecord export = new ExportRecord("00000000-0000-0000-0000-00000000000" + round, format,
                            "queued", masks, 0, null, 0, null, Instant.parse("2026-12-01T00:00:00Z"), null, Map.of(),
                            true, List.of(), 1, null, null, each, null, null);
                    long t0 = System.nanoTime();
                    OptionalLong size = planner.size(export, MaskFilter.ALL, scratch.resolve("sizing"));
                    System.out.printf("round %d %-8s %-13s sized in %5.1f s: %,d bytes%n", round, format,
                            each == null ? "no split" : "split by case", (System.nanoTime() - t0) / 1e9,
                            size.orElse(-1));
                }
            }
        }
    }

    /** About 4.5 masks per image over 100 datasets of 10 labels, as build/bench-portal.sh makes them. */
    private void seed() {
        long t0 = System.nanoTime();
        int source = jdbc.sql("insert into file_source (location, kind, prefix) values (?, 'folder', '') returning id")
                .param(Path.of("target/export-bench/release").toAbsolutePath().toString()).query(Integer.class)
                .single();
        jdbc.sql("insert into dataset (name) select 'Bench_' || g from generate_series(1, 100) g").update();
        jdbc.sql("""
                insert into label (dataset_id, class_id, name)
                select d.id, lpad(c::text, 4, '0'), (array['liver','spleen','kidney_left','kidney_right','aorta',
                    'lung_left','lung_right','heart','liver_tumor','bladder'])[c]
                from dataset d, generate_series(1, 10) c""").update();
        jdbc.sql("""
                insert into image (path, source_id, byte_size, modality, base_modality, sub_modality, dataset_id,
                                   case_name, axis, slice, width, height)
                select 'images/ct_00--Bench--case_' || (g / 200) || '--z_' || g || '.png', ?, 100000,
                       case when g % 3 = 0 then 'mr_t1' else 'ct_00' end,
                       case when g % 3 = 0 then 'mr' else 'ct' end, case when g % 3 = 0 then 't1' end,
                       (select min(id) from dataset) + (g * 7919) % 100, 'case_' || (g / 200), 'z', g % 200, 512, 512
                from generate_series(1, ?) g""").params(source, IMAGES).update();
        jdbc.sql("""
                insert into mask (image_id, label_id, instance, path, source_id, byte_size, area, bbox_x0, bbox_y0,
                                  bbox_x1, bbox_y1, centroid_x, centroid_y, coco_counts_chars)
                select i.id, l.id, 0, replace(replace(i.path, 'images/', 'masks/'), '.png', '') || '--'
                           || lpad(k::text, 4, '0') || '_000.png',
                       ?, 2000, (exp(5 + random() * 5))::bigint, 10, 10, 100, 100, 55, 55, 40
                from image i cross join lateral generate_series(1, 1 + (i.id % 8)::int) k
                join label l on l.dataset_id = i.dataset_id and l.class_id = lpad(k::text, 4, '0')""")
                .param(source).update();
        System.out.printf("Seeded the catalog with SQL in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
