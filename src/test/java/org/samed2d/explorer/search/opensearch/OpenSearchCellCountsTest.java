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
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.OpenSearchCluster;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.RegionMap;
import org.samed2d.explorer.search.engine.CatalogPosition;
import org.samed2d.explorer.search.engine.IndexWriting;
import org.samed2d.explorer.search.lucene.LuceneEngine;

/**
 * The area histogram from the cells index's counts per cell and bin, and image counts from the values an image's
 * masks share: equal to the embedded engine's after a build, after updates that move masks between bins and cells,
 * after removals, and after a writer that stopped between writing masks and publishing them.
 */
class OpenSearchCellCountsTest {

    private static final String INDEX = "cell-counts-test";
    private static final String[] DATASETS = {"AbdomenCT1K", "BraTS2021", "ISIC2018"};
    private static final String[] MODALITIES = {"ct", "mr_t1", "dermoscopy"};
    private static final String[] LABELS = {"liver", "kidney_left", "tumor", "lesion"};

    @TempDir
    Path folder;

    private final Map<Long, IndexedMask> catalog = new TreeMap<>();
    private final SplittableRandom random = new SplittableRandom(17);
    private long changes;
    private OpenSearchEngine openSearch;
    private LuceneEngine lucene;

    @BeforeEach
    void engines() {
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        cluster.ensureRunning();
        OpenSearchSettings settings = OpenSearchSettings.at(cluster.urls(), INDEX)
                .withLayout(1, 1, false);
        openSearch = OpenSearchEngine.connect(settings, RegionMap.bundled(), this::masksOf);
        lucene = LuceneEngine.open(folder, RegionMap.bundled(), 1);
        for (long image = 1; image <= 60; image++) {
            int masks = 1 + random.nextInt(8);
            // most images of one source, as in the release; some of several
            int source = random.nextInt(DATASETS.length);
            boolean oneSource = random.nextInt(4) != 0;
            for (int m = 0; m < masks; m++) {
                long id = image * 16 + m;
                catalog.put(id, mask(id, image, oneSource ? source : random.nextInt(DATASETS.length),
                        LABELS[random.nextInt(LABELS.length)]));
            }
        }
        List<IndexedMask> all = List.copyOf(catalog.values());
        for (IndexWriting writing : List.of(openSearch.rebuild(), lucene.rebuild())) {
            writing.put(all, true);
            writing.publish(new CatalogPosition("a test catalog", changes));
        }
    }

    @AfterEach
    void close() {
        openSearch.close();
        lucene.close();
    }

    @Test
    void a_built_index_counts_every_bin_as_the_masks_do() {
        assertSameFacets();
    }

    @Test
    void masks_that_change_bin_or_cell_or_go_are_counted_where_they_are_after_publishing() {
        List<IndexedMask> changed = changeSome();
        List<Long> removed = removeSome(changed);
        for (IndexWriting writing : List.of(openSearch.update(), lucene.update())) {
            writing.remove(removed);
            writing.put(changed, false);
            writing.publish(new CatalogPosition("a test catalog", changes));
        }

        assertSameFacets();
    }

    @Test
    void a_writer_that_stopped_before_publishing_leaves_counts_the_next_publish_puts_right() throws Exception {
        List<IndexedMask> changed = changeSome();
        List<Long> removed = removeSome(changed);
        IndexWriting stopped = openSearch.update();
        stopped.remove(removed);
        stopped.put(changed, false);
        // the instance dies here; the masks it wrote are durable, its memory is gone
        IndexWriting embedded = lucene.update();
        embedded.remove(removed);
        embedded.put(changed, false);
        embedded.publish(new CatalogPosition("a test catalog", changes));
        // something else refreshes the indices (a restarted node replays its translog): the changed masks are
        // visible, their cells not counted again yet, and their marks tell searches so
        refreshEveryIndex();

        assertSameFacets();

        openSearch.update().publish(new CatalogPosition("a test catalog", changes));

        assertSameFacets();
    }

    private void refreshEveryIndex() throws java.io.IOException {
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        try (var transport = org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder.builder(
                cluster.urls().stream().map(url -> new org.apache.hc.core5.http.HttpHost(url.getScheme(),
                        url.getHost(), url.getPort())).toArray(org.apache.hc.core5.http.HttpHost[]::new)).build()) {
            new org.opensearch.client.opensearch.OpenSearchClient(transport).indices()
                    .refresh(r -> r.index(INDEX + "-*"));
        }
    }

    private void assertSameFacets() {
        for (MaskFilter filter : filters()) {
            FacetCounts expected = lucene.facets(filter);
            assertThat(openSearch.facets(filter)).as(filter.canonical()).isEqualTo(expected);
            assertThat(expected.area()).isNotEmpty();
        }
    }

    /** Dimension filters (counted from the cells index) and one with a size range (counted on the masks). */
    private List<MaskFilter> filters() {
        List<MaskFilter> filters = new ArrayList<>();
        filters.add(MaskFilter.ALL);
        filters.add(only(FacetDimension.LABEL, "liver"));
        filters.add(only(FacetDimension.DATASET, DATASETS[0]));
        filters.add(new MaskFilter(Map.of(), new MaskFilter.Bounds(64L, 2_000L), MaskFilter.Bounds.ANY,
                MaskFilter.Bounds.ANY, MaskFilter.FractionBounds.ANY, null));
        filters.add(new MaskFilter(Map.of(), MaskFilter.Bounds.ANY, new MaskFilter.Bounds(300L, null),
                MaskFilter.Bounds.ANY, MaskFilter.FractionBounds.ANY, null));
        // images whose masks share the dataset and images where it differs, with a part tested on masks
        filters.add(new MaskFilter(only(FacetDimension.DATASET, DATASETS[1]).values(), MaskFilter.Bounds.ANY,
                new MaskFilter.Bounds(300L, null), MaskFilter.Bounds.ANY, MaskFilter.FractionBounds.ANY, null));
        return filters;
    }

    private static MaskFilter only(FacetDimension dimension, String value) {
        Map<FacetDimension, SortedSet<String>> values = new EnumMap<>(FacetDimension.class);
        values.put(dimension, new TreeSet<>(List.of(value)));
        return new MaskFilter(values, MaskFilter.Bounds.ANY, MaskFilter.Bounds.ANY, MaskFilter.Bounds.ANY,
                MaskFilter.FractionBounds.ANY, null);
    }

    /** A third of the masks get a new area (most move to another bin), some of them a new label (another cell). */
    private List<IndexedMask> changeSome() {
        List<IndexedMask> changed = new ArrayList<>();
        for (IndexedMask mask : List.copyOf(catalog.values())) {
            if (random.nextInt(3) == 0) {
                String label = random.nextInt(4) == 0 ? LABELS[random.nextInt(LABELS.length)] : mask.label();
                IndexedMask now = mask(mask.id(), mask.imageId(), List.of(DATASETS).indexOf(mask.dataset()), label);
                catalog.put(now.id(), now);
                changed.add(now);
            }
        }
        return changed;
    }

    /** Removes every seventh mask, some of them changed a moment ago; returns their ids. */
    private List<Long> removeSome(List<IndexedMask> changed) {
        List<Long> removed = catalog.keySet().stream().filter(id -> id % 7 == 0).toList();
        removed.forEach(catalog::remove);
        changed.removeIf(mask -> !catalog.containsKey(mask.id()));
        return removed;
    }

    private IndexedMask mask(long id, long image, int source, String label) {
        String modality = MODALITIES[source];
        String base = modality.startsWith("mr") ? "mr" : modality;
        String sub = modality.startsWith("mr") ? "t1" : null;
        // one in ten with no measured area yet (bin 0), the others over bins 1 to 17
        Long area = random.nextInt(10) == 0 ? null : 1L + random.nextLong(1L << random.nextInt(1, 17));
        return new IndexedMask(id, ++changes, image, DATASETS[source], modality, base, sub, "case" + image, "z",
                (int) image, label, "%04d".formatted(List.of(LABELS).indexOf(label) + 1), 0, area, 256 + 64 * source,
                256);
    }

    private List<IndexedMask> masksOf(Collection<Long> images) {
        return catalog.values().stream().filter(mask -> images.contains(mask.imageId())).toList();
    }
}
