package org.samed2d.explorer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.OpenSearchCluster;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.catalog.CatalogFeed;
import org.samed2d.explorer.catalog.JobLocks;
import org.samed2d.explorer.cli.CommandLine;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.MaskFilter.FractionBounds;
import org.samed2d.explorer.search.engine.TextTokens;
import org.samed2d.explorer.search.opensearch.OpenSearchSettings;
import org.samed2d.explorer.shared.DataRoot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Property: for any filter, each engine's counts, facets, area histogram and pages equal what plain SQL over the
 * catalog says, and the two engines (the embedded Lucene index and a real 2-node OpenSearch cluster) give exactly
 * the same answers, cursors included. Hundreds of random filters over the real sample plus a generated release,
 * including empty results, values absent from the data and every parameter.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchConsistencyTest {

    private static final int FILTERS = 400;
    private static final long SEED = 20261126L;

    @Autowired
    SearchService lucene;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CatalogFeed feed;
    @Autowired
    JobLocks locks;
    @Autowired
    DataRoot root;

    SearchService openSearch;

    SqlOracle sql;
    Values values;

    @BeforeAll
    void catalogOfTheSampleAndAGeneratedRelease() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        Path generated = Path.of(System.getProperty("java.io.tmpdir"), "search-consistency-release");
        if (!Files.isDirectory(generated.resolve("SAMed2Dv1"))) {
            int status = CommandLine.run(new String[] {"generate", "--images", "400", "--out", generated.toString(),
                    "--seed", "5"}, System.out, System.err);
            assertThat(status).isZero();
        }
        ingest.ingest(SampleData.mini());
        ingest.ingest(generated);
        lucene.rebuild();
        SearchProperties properties = new SearchProperties(2, false, 20_000, 1_000_000,
                SearchProperties.Engine.OPENSEARCH, OpenSearchSettings.at(OpenSearchCluster.shared().urls(),
                "consistency-test"));
        openSearch = new SearchService(feed, locks, jdbc, properties, root, Clock.systemUTC());
        openSearch.rebuild();
        sql = new SqlOracle(jdbc, lucene.regions());
        values = new Values(jdbc);
    }

    @AfterAll
    void closeTheOpenSearchEngine() {
        openSearch.close();
    }

    private SearchService engine(String name) {
        return name.equals("lucene") ? lucene : openSearch;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lucene", "opensearch"})
    void counts_and_facets_equal_sql_for_random_filters(String engine) {
        SearchService search = engine(engine);
        SplittableRandom random = new SplittableRandom(SEED);
        int empty = 0;
        for (int i = 0; i < FILTERS; i++) {
            MaskFilter filter = values.randomFilter(random);
            FacetCounts facets = search.facets(filter);
            MaskCounts expected = sql.counts(filter);
            assertThat(facets.counts()).as("counts of %s", filter.canonical()).isEqualTo(expected);
            assertThat(search.counts(filter)).isEqualTo(expected);
            Map<FacetDimension, Map<String, Long>> expectedFacets = sql.facets(filter);
            for (FacetDimension dimension : FacetDimension.values()) {
                assertThat(SqlOracle.nonZero(facets.values().get(dimension)))
                        .as("%s facet of %s", dimension.parameter(), filter.canonical())
                        .isEqualTo(expectedFacets.get(dimension));
            }
            Map<Long, Long> histogram = new TreeMap<>();
            facets.area().stream().filter(bin -> bin.count() > 0).forEach(bin -> histogram.put(bin.min(), bin.count()));
            assertThat(histogram).as("area histogram of %s", filter.canonical()).isEqualTo(sql.areaHistogram(filter));
            if (i % 4 == 0) {
                Map<Double, Long> fractions = new TreeMap<>();
                search.areaFractionHistogram(filter).stream().filter(bin -> bin.count() > 0)
                        .forEach(bin -> fractions.put(bin.min(), bin.count()));
                assertThat(fractions).as("fraction histogram of %s", filter.canonical())
                        .isEqualTo(sql.fractionHistogram(filter));
            }
            empty += expected.masks() == 0 ? 1 : 0;
        }
        // the generator must have exercised both sides
        assertThat(empty).isBetween(FILTERS / 20, FILTERS - FILTERS / 5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lucene", "opensearch"})
    void every_page_order_walks_exactly_the_sql_result(String engine) {
        SearchService search = engine(engine);
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < 60; i++) {
            MaskFilter filter = values.randomFilter(random);
            MaskSort sort = MaskSort.values()[i % MaskSort.values().length];
            int limit = 1 + random.nextInt(200);
            List<Long> walked = new ArrayList<>();
            String cursor = null;
            do {
                MaskPage page = search.masks(filter, sort, limit, cursor);
                assertThat(page.ids().size()).isLessThanOrEqualTo(limit);
                walked.addAll(page.ids());
                cursor = page.next();
                assertThat(page.total()).isEqualTo(sql.counts(filter).masks());
            } while (cursor != null);
            assertThat(walked).as("%s by %s, %d per page", filter.canonical(), sort, limit)
                    .isEqualTo(sql.maskIds(filter, sort));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lucene", "opensearch"})
    void image_pages_hold_each_image_once_with_all_its_matching_masks(String engine) {
        SearchService search = engine(engine);
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int i = 0; i < 40; i++) {
            MaskFilter filter = values.randomFilter(random);
            int limit = 1 + random.nextInt(50);
            Map<Long, List<Long>> walked = new LinkedHashMap<>();
            String cursor = null;
            do {
                ImagePage page = search.images(filter, limit, cursor);
                assertThat(page.images().size()).isLessThanOrEqualTo(limit);
                page.images().forEach(hit -> assertThat(walked.put(hit.imageId(), hit.maskIds())).isNull());
                cursor = page.next();
            } while (cursor != null);
            assertThat(walked).as("images of %s, %d per page", filter.canonical(), limit)
                    .isEqualTo(sql.images(filter));
        }
    }

    @Test
    void both_engines_give_identical_answers_cursors_and_walks() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        List<Long> imageIds = jdbc.sql("select id from image order by id").query(Long.class).list();
        for (int i = 0; i < 120; i++) {
            MaskFilter filter = values.randomFilter(random);
            String what = filter.canonical();
            FacetCounts facets = lucene.facets(filter);
            assertThat(openSearch.facets(filter)).as("facets of %s", what).isEqualTo(facets);
            for (FacetDimension dimension : FacetDimension.values()) {
                assertThat(List.copyOf(openSearch.facets(filter).values().get(dimension).entrySet()))
                        .as("%s facet order of %s", dimension, what)
                        .isEqualTo(List.copyOf(facets.values().get(dimension).entrySet()));
            }
            assertThat(openSearch.counts(filter)).isEqualTo(lucene.counts(filter)).isEqualTo(facets.counts());
            assertThat(openSearch.areaFractionHistogram(filter)).as("fraction histogram of %s", what)
                    .isEqualTo(lucene.areaFractionHistogram(filter));
            MaskSort sort = MaskSort.values()[i % MaskSort.values().length];
            int limit = 1 + random.nextInt(40);
            MaskPage first = lucene.masks(filter, sort, limit, null);
            assertThat(openSearch.masks(filter, sort, limit, null)).as("first page of %s by %s", what, sort)
                    .isEqualTo(first);
            if (first.next() != null) {
                // a cursor from one engine continues on the other
                assertThat(openSearch.masks(filter, sort, limit, first.next()))
                        .isEqualTo(lucene.masks(filter, sort, limit, first.next()));
            }
            ImagePage images = lucene.images(filter, limit, null);
            assertThat(openSearch.images(filter, limit, null)).as("images of %s", what).isEqualTo(images);
            long offset = random.nextInt(Math.max(1, (int) facets.counts().images()));
            assertThat(openSearch.imagesAt(filter, offset, limit)).as("images of %s at %d", what, offset)
                    .isEqualTo(lucene.imagesAt(filter, offset, limit));
            long image = imageIds.get(random.nextInt(imageIds.size()));
            assertThat(openSearch.matchingMasks(filter, image)).isEqualTo(lucene.matchingMasks(filter, image));
            for (boolean forward : new boolean[] {true, false}) {
                assertThat(openSearch.neighbourImage(filter, image, forward)).as("neighbour of %d in %s", image, what)
                        .isEqualTo(lucene.neighbourImage(filter, image, forward));
            }
        }
    }

    /** The values present in the catalog, to build filters that hit, and some that miss. */
    private static final class Values {
        private final Map<FacetDimension, List<String>> present = new EnumMap<>(FacetDimension.class);
        private final List<Long> areas;
        private final List<String> words;

        Values(JdbcClient jdbc) {
            present.put(FacetDimension.MODALITY, jdbc.sql("select distinct base_modality from image").query(String.class).list());
            present.put(FacetDimension.SUBMODALITY, jdbc.sql("select distinct coalesce(sub_modality, 'none') from image")
                    .query(String.class).list());
            present.put(FacetDimension.DATASET, jdbc.sql("select name from dataset").query(String.class).list());
            present.put(FacetDimension.LABEL, jdbc.sql("select distinct name from label").query(String.class).list());
            present.put(FacetDimension.REGION, RegionMap.REGIONS);
            present.put(FacetDimension.AXIS, List.of("x", "y", "z", "2d"));
            areas = jdbc.sql("select area from mask where area is not null order by area").query(Long.class).list();
            words = new ArrayList<>(TextTokens.of(String.join(" ", jdbc.sql(
                    "select name from dataset union all select distinct name from label union all "
                            + "select distinct modality from image union all select 'mri xray' union all "
                            + "(select distinct case_name from image limit 40)").query(String.class).list())));
        }

        MaskFilter randomFilter(SplittableRandom random) {
            Map<FacetDimension, SortedSet<String>> chosen = new EnumMap<>(FacetDimension.class);
            int dimensions = random.nextInt(4);
            for (int d = 0; d < dimensions; d++) {
                FacetDimension dimension = FacetDimension.values()[random.nextInt(FacetDimension.values().length)];
                List<String> options = present.get(dimension);
                SortedSet<String> set = chosen.computeIfAbsent(dimension, k -> new TreeSet<>());
                for (int v = 1 + random.nextInt(3); v > 0; v--) {
                    set.add(random.nextInt(12) == 0 && dimension != FacetDimension.REGION
                            && dimension != FacetDimension.AXIS ? "Nope" : options.get(random.nextInt(options.size())));
                }
            }
            Bounds area = random.nextInt(4) == 0 ? areaRange(random) : Bounds.ANY;
            Bounds width = random.nextInt(8) == 0 ? new Bounds((long) random.nextInt(600), null) : Bounds.ANY;
            Bounds height = random.nextInt(8) == 0 ? new Bounds(null, 200L + random.nextInt(400)) : Bounds.ANY;
            FractionBounds fraction = random.nextInt(8) == 0
                    ? new FractionBounds(random.nextDouble() * 0.01, random.nextBoolean() ? null : 0.02 + random.nextDouble() * 0.1)
                    : FractionBounds.ANY;
            String text = random.nextInt(6) == 0 ? word(random) : null;
            return new MaskFilter(chosen, area, width, height, fraction, text);
        }

        private Bounds areaRange(SplittableRandom random) {
            long a = areas.get(random.nextInt(areas.size()));
            long b = areas.get(random.nextInt(areas.size()));
            return switch (random.nextInt(3)) {
                case 0 -> new Bounds(Math.min(a, b), Math.max(a, b));
                case 1 -> new Bounds(a, null);
                default -> new Bounds(null, a);
            };
        }

        private @Nullable String word(SplittableRandom random) {
            if (random.nextInt(8) == 0) {
                return "zzqx";
            }
            String first = words.get(random.nextInt(words.size()));
            return random.nextBoolean() ? first : first + " " + words.get(random.nextInt(words.size()));
        }
    }
}
