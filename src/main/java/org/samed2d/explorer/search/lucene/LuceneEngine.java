package org.samed2d.explorer.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.IndexBusyException;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.search.RegionMap;
import org.samed2d.explorer.search.engine.CatalogPosition;
import org.samed2d.explorer.search.engine.ImageHits;
import org.samed2d.explorer.search.engine.IndexWriting;
import org.samed2d.explorer.search.engine.MaskFields;
import org.samed2d.explorer.search.engine.MaskHits;
import org.samed2d.explorer.search.engine.SearchEngine;
import org.samed2d.explorer.search.engine.SortValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: one Lucene index in a folder of this instance, with one document per mask. A rebuild
 * empties the index and fills it again; searches see the old documents until it is published.
 */
public final class LuceneEngine implements SearchEngine {

    private static final Logger log = LoggerFactory.getLogger(LuceneEngine.class);

    private final LuceneIndex index;
    private final LuceneReads reads;

    private LuceneEngine(LuceneIndex index) {
        this.index = index;
        this.reads = new LuceneReads(index);
    }

    /**
     * Opens the index in {@code folder}, creating it if there is none and starting it over when what is there cannot
     * be read. Throws {@link IndexBusyException} when another process holds it open for writing.
     *
     * @param threads searcher threads; each request's work is split over them
     */
    public static LuceneEngine open(Path folder, RegionMap regions, int threads) {
        LuceneDocuments documents = new LuceneDocuments(new MaskFields(regions));
        try {
            try {
                return new LuceneEngine(LuceneIndex.open(folder, documents, threads));
            } catch (LockObtainFailedException e) {
                throw new IndexBusyException(folder);
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                log.warn("The search index in {} cannot be read ({}); building it again", folder, e.getMessage());
                IndexFolder.wipe(folder);
                return new LuceneEngine(LuceneIndex.open(folder, documents, threads));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    @Override
    public MaskCounts counts(MaskFilter filter) {
        return reads.facets(filter).counts();
    }

    @Override
    public FacetCounts facets(MaskFilter filter) {
        return reads.facets(filter);
    }

    @Override
    public List<FacetCounts.FractionBin> fractionHistogram(MaskFilter filter) {
        return reads.fractionHistogram(filter);
    }

    @Override
    public MaskHits masks(MaskFilter filter, MaskSort sort, int limit, @Nullable SortValues after) {
        return reads.masks(filter, sort, limit, after);
    }

    @Override
    public ImageHits images(MaskFilter filter, long afterImage, int limit) {
        return reads.images(filter, afterImage, limit);
    }

    @Override
    public List<ImagePage.ImageHit> imagesAt(MaskFilter filter, long offset, int limit) {
        return reads.imagesAt(filter, offset, limit);
    }

    @Override
    public long neighbourImage(MaskFilter filter, long imageId, boolean forward) {
        return reads.neighbourImage(filter, imageId, forward);
    }

    @Override
    public List<Long> matchingMasks(MaskFilter filter, long imageId) {
        return reads.matchingMasks(filter, imageId);
    }

    @Override
    public CatalogPosition position() {
        return index.position();
    }

    @Override
    public boolean current() {
        // an index this code cannot read is wiped when it is opened
        return true;
    }

    @Override
    public long documentCount() {
        return reads.documentCount();
    }

    @Override
    public IndexWriting update() {
        return new Writing();
    }

    @Override
    public IndexWriting rebuild() {
        try {
            index.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty the search index", e);
        }
        return new Writing();
    }

    @Override
    public boolean shared() {
        return false;
    }

    /** Bytes the index takes on disk. */
    public long sizeOnDisk() {
        try {
            return index.sizeOnDisk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            index.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the search index", e);
        }
    }

    /** Writes straight into the one index; a refresh makes them visible. */
    private final class Writing implements IndexWriting {

        @Override
        public void put(List<IndexedMask> masks, boolean absent) {
            try {
                index.put(masks, absent);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write to the search index", e);
            }
        }

        @Override
        public void remove(Collection<Long> maskIds) {
            try {
                index.remove(maskIds);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write to the search index", e);
            }
        }

        @Override
        public void checkpoint(CatalogPosition position) {
            try {
                index.commit(position);
            } catch (IOException e) {
                throw new UncheckedIOException("could not commit the search index", e);
            }
        }

        @Override
        public void publish(CatalogPosition position) {
            try {
                index.commit(position);
                index.refresh();
            } catch (IOException e) {
                throw new UncheckedIOException("could not commit the search index", e);
            }
        }
    }
}
