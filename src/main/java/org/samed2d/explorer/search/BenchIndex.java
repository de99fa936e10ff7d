package org.samed2d.explorer.search;

import java.nio.file.Path;
import java.util.List;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.engine.IndexWriting;
import org.samed2d.explorer.search.engine.SearchEngine;
import org.samed2d.explorer.search.lucene.LuceneEngine;

/**
 * An engine driven directly, without the catalog or Spring: what {@code bench-search} builds from synthetic masks
 * and times, through the same document and query code the portal uses. Not for the portal.
 */
public final class BenchIndex implements AutoCloseable {

    private final SearchEngine engine;
    private final IndexWriting writes;
    private final LuceneEngine lucene;

    private BenchIndex(LuceneEngine engine) {
        this.engine = engine;
        this.lucene = engine;
        this.writes = engine.rebuild();
    }

    /** A new embedded index in {@code folder}, searched with {@code threads} threads per request. */
    public static BenchIndex lucene(Path folder, int threads) {
        return new BenchIndex(LuceneEngine.open(folder, RegionMap.bundled(), threads));
    }

    /** Adds masks that are not in the index yet; callable from several threads at once. */
    public void add(List<IndexedMask> masks) {
        writes.put(masks, true);
    }

    /** Makes everything added durable and searchable. */
    public void publish(long appliedChange) {
        writes.publish(appliedChange);
    }

    public long sizeOnDisk() {
        return lucene.sizeOnDisk();
    }

    public MaskCounts counts(MaskFilter filter) {
        return engine.counts(filter);
    }

    public FacetCounts facets(MaskFilter filter) {
        return engine.facets(filter);
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
