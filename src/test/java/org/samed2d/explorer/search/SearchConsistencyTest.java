package org.samed2d.explorer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.cli.CommandLine;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.MaskFilter.FractionBounds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Property: for any filter, the engine's counts, facets, area histogram and pages equal what plain SQL over the
 * catalog says. Hundreds of random filters over the real sample plus a generated release, including empty results,
 * values absent from the data and every parameter.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchConsistencyTest {

    private static final int FILTERS = 400;
    private static final long SEED = 20261126L;

    @Autowired
    SearchService search;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcClient jdbc;

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
        search.rebuild();
        sql = new SqlOracle(jdbc, search.regions());
        values = new Values(jdbc);
    }

    @Test
    void counts_and_facets_equal_sql_for_random_filters() {
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

    @Test
    void every_page_order_walks_exactly_the_sql_result() {
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

    @Test
    void image_pages_hold_each_image_once_with_all_its_matching_masks() {
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
