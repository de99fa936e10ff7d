package org.samed2d.explorer.search;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.engine.CatalogPosition;
import org.samed2d.explorer.search.engine.IndexWriting;
import org.samed2d.explorer.search.engine.SearchEngine;
import org.samed2d.explorer.search.lucene.LuceneEngine;
import org.samed2d.explorer.search.opensearch.OpenSearchEngine;
import org.samed2d.explorer.search.opensearch.OpenSearchSettings;

/**
 * An engine driven directly, without the catalog or Spring: what {@code bench-search} builds from synthetic masks
 * and times, through the same document and query code the portal uses. Not for the portal.
 */
public final class BenchIndex implements AutoCloseable {

    /** The catalog identity a bench index records: its masks are synthetic, of no catalog a portal could follow. */
    private static final String BENCH_CATALOG = "bench-search";

    private final SearchEngine engine;
    private final @Nullable LuceneEngine lucene;
    private final @Nullable OpenSearchEngine openSearch;
    private final @Nullable Added added;
    private volatile @Nullable IndexWriting writes;

    private BenchIndex(SearchEngine engine, @Nullable LuceneEngine lucene, @Nullable OpenSearchEngine openSearch,
                       @Nullable Added added) {
        this.engine = engine;
        this.lucene = lucene;
        this.openSearch = openSearch;
        this.added = added;
    }

    /** A new embedded index in {@code folder}, searched with {@code threads} threads per request. */
    public static BenchIndex lucene(Path folder, int threads) {
        LuceneEngine engine = LuceneEngine.open(folder, RegionMap.bundled(), threads);
        return new BenchIndex(engine, engine, null, null);
    }

    /**
     * The indices named {@code index} on the cluster at {@code urls}. The first {@link #add} starts a new generation,
     * which becomes the live one when published; each {@link #add} must hold every mask of the images it names (the
     * synthetic catalog emits images whole), since image documents are made from what is added.
     *
     * @param requestCache whether searches may be answered from the shards' request cache (off: cold figures)
     */
    public static BenchIndex openSearch(List<URI> urls, String index, int shards, int replicas, boolean requestCache) {
        OpenSearchSettings settings = OpenSearchSettings.at(urls, index).withLayout(shards, replicas, requestCache);
        Added added = new Added();
        OpenSearchEngine engine = OpenSearchEngine.connect(settings, RegionMap.bundled(), added);
        return new BenchIndex(engine, null, engine, added);
    }

    /** The masks of the current {@link #add} call, per thread: the image documents' source in the bench. */
    private static final class Added implements org.samed2d.explorer.search.opensearch.ImageMasks {
        private final ThreadLocal<List<IndexedMask>> current = ThreadLocal.withInitial(List::of);

        @Override
        public List<IndexedMask> of(Collection<Long> imageIds) {
            Set<Long> wanted = new HashSet<>(imageIds);
            List<IndexedMask> masks = new ArrayList<>();
            for (IndexedMask mask : current.get()) {
                if (wanted.contains(mask.imageId())) {
                    masks.add(mask);
                }
            }
            return masks;
        }
    }

    /** Adds masks that are not in the index yet; callable from several threads at once. */
    public void add(List<IndexedMask> masks) {
        if (added != null) {
            added.current.set(masks);
        }
        try {
            writing().put(masks, true);
        } finally {
            if (added != null) {
                added.current.remove();
            }
        }
    }

    /** Makes everything added durable and searchable. */
    public void publish(long appliedChange) {
        writing().publish(new CatalogPosition(BENCH_CATALOG, appliedChange));
    }

    private IndexWriting writing() {
        IndexWriting current = writes;
        return current != null ? current : startWriting();
    }

    private synchronized IndexWriting startWriting() {
        IndexWriting current = writes;
        if (current == null) {
            current = engine.rebuild();
            writes = current;
        }
        return current;
    }

    /** Bytes the embedded index takes on disk; -1 for a cluster (its stats say). */
    public long sizeOnDisk() {
        return lucene == null ? -1 : lucene.sizeOnDisk();
    }

    public MaskCounts counts(MaskFilter filter) {
        return engine.counts(filter);
    }

    public FacetCounts facets(MaskFilter filter) {
        return engine.facets(filter);
    }

    /** For a cluster, the facets counted with one filter aggregation per dimension, to measure the cell form against. */
    public FacetCounts facetsPerDimension(MaskFilter filter) {
        return cluster("counts facets per dimension").facetsPerDimension(filter);
    }

    /** For a cluster: empties the request cache, so that what follows is answered from it only once it has seen it. */
    public void clearRequestCache() {
        cluster("has a request cache").clearRequestCache();
    }

    /** For a cluster: each node's heap, from its statistics. */
    public List<NodeHeap> nodeHeaps() {
        return cluster("runs on nodes of its own").nodeHeaps();
    }

    private OpenSearchEngine cluster(String what) {
        if (openSearch == null) {
            throw new IllegalStateException("only the OpenSearch engine " + what);
        }
        return openSearch;
    }

    /** The first page of matching mask ids in this order. */
    public List<Long> firstPage(MaskFilter filter, MaskSort sort, int limit) {
        return engine.masks(filter, sort, limit, null).ids();
    }

    @Override
    public void close() {
        engine.close();
    }
}
