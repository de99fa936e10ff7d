package org.samed2d.explorer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.catalog.CatalogFeed;
import org.samed2d.explorer.catalog.CatalogImport;
import org.samed2d.explorer.catalog.JobLocks;
import org.samed2d.explorer.catalog.MaskGeometry;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.shared.DataRoot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The index follows the catalog, and a missing, damaged or out-of-step index is rebuilt from it. */
@ExplorerTest
class IndexLifecycleTest {

    @Autowired
    SearchService search;
    @Autowired
    IngestService ingest;
    @Autowired
    CatalogFeed feed;
    @Autowired
    JobLocks locks;
    @Autowired
    CatalogImport catalogImport;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyCatalog() {
        new CatalogTestSupport(jdbc).empty();
        search.rebuild();
    }

    @Test
    void an_ingest_in_the_portal_becomes_searchable_without_being_asked() throws Exception {
        ingest.ingest(SampleData.mini());

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> search.counts(MaskFilter.ALL).equals(new MaskCounts(30, 4)));
    }

    @Test
    void geometry_updates_and_removals_reach_the_index() throws Exception {
        ingest.ingest(SampleData.mini());
        search.catchUp();
        long liver = jdbc.sql("select m.id from mask m join label l on l.id = m.label_id where l.name = 'liver'"
                + " order by m.id limit 1").query(Long.class).single();
        long aorta = jdbc.sql("select m.id from mask m join label l on l.id = m.label_id where l.name = 'aorta'"
                + " order by m.id limit 1").query(Long.class).single();
        MaskFilter tiny = new MaskFilter(java.util.Map.of(), new MaskFilter.Bounds(null, 3L),
                MaskFilter.Bounds.ANY, MaskFilter.Bounds.ANY, MaskFilter.FractionBounds.ANY, null);
        assertThat(search.counts(tiny).masks()).isZero();

        catalogImport.completeGeometry(List.of(new MaskGeometry(liver, 3, 0, 0, 2, 0, 1.0, 0.0, 4)), List.of(aorta));
        search.catchUp();

        assertThat(search.counts(tiny)).isEqualTo(new MaskCounts(1, 1));
        assertThat(search.counts(MaskFilter.ALL).masks()).isEqualTo(29);
        assertThat(search.masks(MaskFilter.ALL, MaskSort.ID, 1000, null).ids()).doesNotContain(aorta).contains(liver);
    }

    @Test
    void a_damaged_index_is_rebuilt_from_the_catalog(@TempDir Path data) throws Exception {
        ingest.ingest(SampleData.mini());
        SearchProperties properties = new SearchProperties(2, false, 7, 10);
        DataRoot root = new DataRoot(data);
        SearchService first = new SearchService(feed, locks, jdbc, properties, root, Clock.systemUTC());
        first.catchUp();
        assertThat(first.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(30, 4));
        first.close();

        Path index = data.resolve("search/index");
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                damage(file);
            }
        }

        SearchService second = new SearchService(feed, locks, jdbc, properties, root, Clock.systemUTC());
        second.checkOnStart();
        assertThat(second.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(30, 4));
        second.close();
    }

    @Test
    void a_deleted_index_or_one_out_of_step_with_the_catalog_is_rebuilt(@TempDir Path data) throws Exception {
        ingest.ingest(SampleData.mini());
        SearchProperties properties = new SearchProperties(2, false, 5, 10);
        DataRoot root = new DataRoot(data);
        SearchService first = new SearchService(feed, locks, jdbc, properties, root, Clock.systemUTC());
        first.catchUp();
        first.close();
        deleteTree(data.resolve("search/index"));

        SearchService second = new SearchService(feed, locks, jdbc, properties, root, Clock.systemUTC());
        second.checkOnStart();
        assertThat(second.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(30, 4));
        second.close();

        // A catalog emptied and filled again behind the index's back: same change numbers ahead, other rows.
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        jdbc.sql("delete from mask where id in (select id from mask order by id desc limit 3)").update();
        SearchService third = new SearchService(feed, locks, jdbc, properties, root, Clock.systemUTC());
        third.checkOnStart();
        assertThat(third.counts(MaskFilter.ALL).masks()).isEqualTo(27);
        third.close();
    }

    @Test
    void a_catalog_restored_to_an_earlier_change_number_gets_a_rebuilt_index() throws Exception {
        ingest.ingest(SampleData.mini());
        search.catchUp();
        // as after restoring an older database backup: fewer rows, and change numbers below what the index applied
        new CatalogTestSupport(jdbc).empty();
        jdbc.sql("alter sequence catalog_change_seq restart with 1").update();
        ingest.ingest(SampleData.mini());
        jdbc.sql("delete from mask where id in (select id from mask order by id desc limit 5)").update();

        search.catchUp();

        assertThat(search.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(25, jdbc.sql(
                "select count(distinct image_id) from mask").query(Long.class).single()));
    }

    @Test
    void an_index_of_another_catalog_is_rebuilt_even_when_that_catalogs_change_numbers_run_past_it(@TempDir Path copy)
            throws Exception {
        ingest.ingest(SampleData.mini());
        search.catchUp();
        // Another catalog behind the index's back (say, a database restored from another installation): the sample
        // less one image, its mask ids counted from 1 again and its change numbers all past what the index applied.
        new CatalogTestSupport(jdbc).empty();
        Path release = SampleData.copyOfRelease(copy);
        Files.delete(release.resolve("images/ct_00--AMOS2022--amos_0004--z_0075.png"));
        ingest.ingest(copy);

        search.catchUp();

        assertThat(search.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(
                jdbc.sql("select count(*) from mask").query(Long.class).single(),
                jdbc.sql("select count(distinct image_id) from mask").query(Long.class).single()));
        assertThat(search.masks(MaskFilter.ALL, MaskSort.ID, 1000, null).ids()).containsExactlyElementsOf(
                jdbc.sql("select id from mask order by id").query(Long.class).list());
        assertThat(search.counts(MaskFilter.ALL).images()).isEqualTo(3);
    }

    private static void damage(Path file) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(Math.max(0, raw.length() / 2));
            raw.seek(0);
            raw.write("not an index".getBytes());
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
