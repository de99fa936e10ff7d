package org.samed2d.explorer.search.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskSort;

/**
 * The seam between {@code SearchService} and an index: the embedded Lucene index or an OpenSearch cluster. Both
 * take the same filter model and answer with the same records; sort values for cursors are longs and strings
 * whatever the engine, so a cursor, a count or a facet cannot differ by engine. Engines are thread-safe.
 */
public interface SearchEngine extends AutoCloseable {

    MaskCounts counts(MaskFilter filter);

    FacetCounts facets(MaskFilter filter);

    /**
     * Masks per area fraction in {@link FractionBins}, under every filter but the fraction range; masks whose area
     * is not measured yet are left out.
     */
    List<FacetCounts.FractionBin> fractionHistogram(MaskFilter filter);

    /**
     * Up to {@code limit} matching mask ids in {@code sort} order, after the position {@code after} names (the sort
     * values of an earlier page's last mask), or from the start.
     */
    MaskHits masks(MaskFilter filter, MaskSort sort, int limit, @Nullable SortValues after);

    /** Up to {@code limit} images with a matching mask and an id above {@code afterImage}, by id. */
    ImageHits images(MaskFilter filter, long afterImage, int limit);

    /** Matching images at ranks {@code [offset, offset + limit)} of the image-id order. */
    List<ImagePage.ImageHit> imagesAt(MaskFilter filter, long offset, int limit);

    /** The next (or previous) image id after {@code imageId} with a matching mask, or -1 when there is none. */
    long neighbourImage(MaskFilter filter, long imageId, boolean forward);

    /** This image's masks that match the filter, by id. */
    List<Long> matchingMasks(MaskFilter filter, long imageId);

    /** Which catalog the searchable index was written from and the highest of its changes it holds. */
    CatalogPosition position();

    /**
     * Whether the searchable index was written by this version's document layout; one that was not must be rebuilt
     * before it is written to.
     */
    boolean current();

    /** Masks the searchable index holds. */
    long documentCount();

    /** Writes to the index searches read; what is written becomes visible when published. */
    IndexWriting update();

    /**
     * Writes a new index from nothing; searches keep reading the current one until it is published, and then read
     * only the new one.
     */
    IndexWriting rebuild();

    /**
     * Whether every instance of the portal reads this one index (then one instance at a time may write it), or
     * each instance has its own.
     */
    boolean shared();

    @Override
    void close();
}
