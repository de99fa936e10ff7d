package org.samed2d.explorer.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.OpenSearchCluster;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.MaskFilter.FractionBounds;
import org.samed2d.explorer.search.RegionMap;
import org.samed2d.explorer.search.engine.CatalogPosition;
import org.samed2d.explorer.search.engine.IndexWriting;
import org.samed2d.explorer.search.lucene.LuceneEngine;

/**
 * An image document holds once what its masks share and nests the rest; images counted under a filter are the same
 * as the embedded engine's whichever parts of the filter an image's masks share or not. The release's masks share
 * everything but their label, region and area; here every part of a mask differs from its image's in some images,
 * and filters name several parts at once, with query words that match a shared word, a mask's own word, a modality
 * or a submodality.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSearchImageDocumentsTest {

    private static final String[] DATASETS = {"AbdomenCT1K", "BraTS2021", "ISIC2018"};
    private static final String[][] MODALITIES = {{"ct", "ct", null}, {"mr_t1", "mr", "t1"}, {"mr_t2", "mr", "t2"},
            {"dermoscopy", "dermoscopy", null}};
    private static final String[] LABELS = {"liver", "liver_tumor", "kidney_left", "lesion", "brain_tumor"};
    private static final String[] AXES = {"x", "y", "z", "2d"};
    private static final int[] SIZES = {256, 320, 512};
    private static final String[] WORDS = {"liver", "tumor", "kidney", "left", "lesion", "brain", "ct", "mr", "mri",
            "t1", "t2", "abdomenct1k", "brats2021", "isic2018", "case3", "dermoscopy", "nope"};
    private static final int FILTERS = 400;

    private final List<IndexedMask> catalog = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(20261202L);
    private OpenSearchEngine openSearch;
    private LuceneEngine lucene;

    @BeforeAll
    void imagesWhoseMasksDifferInEveryPart(@TempDir Path folder) {
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        cluster.ensureRunning();
        openSearch = OpenSearchEngine.connect(OpenSearchSettings.at(cluster.urls(), "image-documents-test")
                .withLayout(1, 0, false), RegionMap.bundled(), this::masksOf);
        lucene = LuceneEngine.open(folder, RegionMap.bundled(), 1);
        for (long image = 1; image <= 120; image++) {
            IndexedMask first = mask(image * 16, image, random.nextInt(DATASETS.length),
                    random.nextInt(MODALITIES.length), AXES[random.nextInt(AXES.length)],
                    SIZES[random.nextInt(SIZES.length)], SIZES[random.nextInt(SIZES.length)]);
            catalog.add(first);
            for (int m = 1, masks = random.nextInt(6); m <= masks; m++) {
                // in one image of two every mask is of the first's source; in the others each part may differ
                boolean mixed = image % 2 == 0;
                catalog.add(mask(image * 16 + m, image,
                        mixed && random.nextInt(4) == 0 ? random.nextInt(DATASETS.length)
                                : List.of(DATASETS).indexOf(first.dataset()),
                        mixed && random.nextInt(4) == 0 ? random.nextInt(MODALITIES.length) : modalityOf(first),
                        mixed && random.nextInt(4) == 0 ? AXES[random.nextInt(AXES.length)] : first.axis(),
                        mixed && random.nextInt(5) == 0 ? SIZES[random.nextInt(SIZES.length)] : first.width(),
                        mixed && random.nextInt(5) == 0 ? SIZES[random.nextInt(SIZES.length)] : first.height()));
            }
        }
        for (IndexWriting writing : List.of(openSearch.rebuild(), lucene.rebuild())) {
            writing.put(catalog, true);
            writing.publish(new CatalogPosition("a test catalog", catalog.size()));
        }
    }

    @AfterAll
    void close() {
        openSearch.close();
        lucene.close();
    }

    @Test
    void images_and_masks_counted_alike_under_filters_of_shared_and_differing_parts() {
        int someButNotAllMasksOfAnImage = 0;
        int manyParts = 0;
        for (int i = 0; i < FILTERS; i++) {
            MaskFilter filter = randomFilter();
            manyParts += heldParts(filter) > OpenSearchQueries.MOST_PARTS_BY_WHAT_IS_MIXED ? 1 : 0;
            MaskCounts expected = lucene.counts(filter);

            assertThat(openSearch.counts(filter)).as(filter.canonical()).isEqualTo(expected);
            assertThat(openSearch.images(filter, 0, 500).hits()).as(filter.canonical())
                    .isEqualTo(lucene.images(filter, 0, 500).hits());
            someButNotAllMasksOfAnImage += expected.images() > 0 && expected.masks() > expected.images() ? 1 : 0;
        }
        assertThat(someButNotAllMasksOfAnImage).as("filters that matched images by some of their masks")
                .isGreaterThan(FILTERS / 5);
        // images are matched one way up to a number of dimensions and sizes, another way above it: both are here
        assertThat(manyParts).as("filters of more parts than images are matched by what is mixed")
                .isBetween(FILTERS / 20, FILTERS / 2);
    }

    private static int heldParts(MaskFilter filter) {
        return filter.values().size() + (filter.width().isAny() ? 0 : 1) + (filter.height().isAny() ? 0 : 1);
    }

    @Test
    void a_filter_on_two_parts_that_two_masks_of_one_image_have_apart_matches_no_image() {
        // one image, two masks: a CT liver and an MR lesion; no mask is both CT and a lesion
        long image = 1000;
        List<IndexedMask> two = List.of(
                new IndexedMask(image * 16, 1, image, DATASETS[0], "ct", "ct", null, "case1000", "z", 3, "liver",
                        "0001", 0, 100L, 512, 512),
                new IndexedMask(image * 16 + 1, 1, image, DATASETS[0], "mr_t1", "mr", "t1", "case1000", "z", 3,
                        "lesion", "0004", 0, 200L, 256, 512));
        catalog.addAll(two);
        for (IndexWriting writing : List.of(openSearch.update(), lucene.update())) {
            writing.put(two, false);
            writing.publish(new CatalogPosition("a test catalog", catalog.size()));
        }
        MaskFilter ctLesion = filter(Map.of(FacetDimension.MODALITY, "ct", FacetDimension.LABEL, "lesion"),
                Bounds.ANY, null);
        MaskFilter narrowLiver = filter(Map.of(FacetDimension.LABEL, "liver"), new Bounds(null, 300L), null);
        MaskFilter wideT1 = filter(Map.of(), new Bounds(400L, null), "t1");
        MaskFilter liverT1 = filter(Map.of(), Bounds.ANY, "liver t1");

        for (MaskFilter none : List.of(ctLesion, narrowLiver, wideT1, liverT1)) {
            assertThat(openSearch.matchingMasks(none, image)).as(none.canonical()).isEmpty();
            assertThat(openSearch.counts(none)).as(none.canonical()).isEqualTo(lucene.counts(none));
        }
        assertThat(openSearch.matchingMasks(filter(Map.of(), Bounds.ANY, "case1000 lesion"), image))
                .containsExactly(image * 16 + 1);
    }

    private MaskFilter randomFilter() {
        Map<FacetDimension, SortedSet<String>> values = new EnumMap<>(FacetDimension.class);
        for (int d = random.nextInt(7); d > 0; d--) {
            FacetDimension dimension = FacetDimension.values()[random.nextInt(FacetDimension.values().length)];
            SortedSet<String> chosen = values.computeIfAbsent(dimension, k -> new TreeSet<>());
            chosen.add(valueOf(dimension));
            if (random.nextInt(3) == 0) {
                chosen.add(valueOf(dimension));
            }
        }
        Bounds width = random.nextInt(4) == 0 ? new Bounds(size(), null) : Bounds.ANY;
        Bounds height = random.nextInt(4) == 0 ? new Bounds(null, size()) : Bounds.ANY;
        Bounds area = random.nextInt(4) == 0 ? new Bounds(null, 1L + random.nextInt(3_000)) : Bounds.ANY;
        FractionBounds fraction = random.nextInt(6) == 0 ? new FractionBounds(0.001 * random.nextInt(10), null)
                : FractionBounds.ANY;
        StringBuilder text = new StringBuilder();
        for (int w = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 0; w > 0; w--) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return new MaskFilter(values, area, width, height, fraction, text.isEmpty() ? null : text.toString());
    }

    private long size() {
        return SIZES[random.nextInt(SIZES.length)];
    }

    private String valueOf(FacetDimension dimension) {
        return switch (dimension) {
            case MODALITY -> MODALITIES[random.nextInt(MODALITIES.length)][1];
            case SUBMODALITY -> new String[] {"t1", "t2", FacetDimension.NO_SUBMODALITY}[random.nextInt(3)];
            case DATASET -> DATASETS[random.nextInt(DATASETS.length)];
            case LABEL -> LABELS[random.nextInt(LABELS.length)];
            case REGION -> RegionMap.REGIONS.get(random.nextInt(RegionMap.REGIONS.size()));
            case AXIS -> AXES[random.nextInt(AXES.length)];
        };
    }

    private static MaskFilter filter(Map<FacetDimension, String> values, Bounds width, @Nullable String text) {
        Map<FacetDimension, SortedSet<String>> sets = new EnumMap<>(FacetDimension.class);
        values.forEach((dimension, value) -> sets.put(dimension, new TreeSet<>(List.of(value))));
        return new MaskFilter(sets, Bounds.ANY, width, Bounds.ANY, FractionBounds.ANY, text);
    }

    private IndexedMask mask(long id, long image, int dataset, int modality, String axis, int width, int height) {
        String[] names = MODALITIES[modality];
        String label = LABELS[random.nextInt(LABELS.length)];
        Long area = random.nextInt(8) == 0 ? null : 1L + random.nextInt(5_000);
        return new IndexedMask(id, id, image, DATASETS[dataset], names[0], names[1], names[2], "case" + image, axis,
                (int) image, label, "%04d".formatted(List.of(LABELS).indexOf(label) + 1), 0, area, width, height);
    }

    private static int modalityOf(IndexedMask mask) {
        for (int m = 0; m < MODALITIES.length; m++) {
            if (MODALITIES[m][0].equals(mask.modality())) {
                return m;
            }
        }
        throw new IllegalArgumentException(mask.modality());
    }

    private List<IndexedMask> masksOf(Collection<Long> images) {
        return catalog.stream().filter(mask -> images.contains(mask.imageId())).toList();
    }
}
