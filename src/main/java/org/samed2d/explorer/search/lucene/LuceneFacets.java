package org.samed2d.explorer.search.lucene;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.engine.CellFacets;

/**
 * Cell counts from the index for {@link CellFacets}: the filters that are not dimensions (ranges, text) run as
 * Lucene queries that count matching documents per cell (each cell carries its area bin, so the histogram comes
 * from the same counts), and the images of documents in passing cells are marked in a bitset for the exact
 * distinct-image count.
 */
final class LuceneFacets {

    private final LuceneQueries queries;

    LuceneFacets(LuceneQueries queries) {
        this.queries = queries;
    }

    /** The facet counts of a filter, and which images hold a matching mask (bit = image id). */
    record Evaluation(FacetCounts facets, FixedBitSet images) {
    }

    Evaluation evaluate(IndexSearcher searcher, ReaderColumns columns, MaskFilter filter) throws IOException {
        CellFacets.Selection selection = CellFacets.select(columns.cells(), filter);
        boolean[] passing = selection.passing();
        // Cell counts without the area range (for the histogram) and with it (for everything else).
        @Nullable Query others = queries.nonDimensionFilters(filter.withoutArea());
        @Nullable Query area = queries.area(filter.area());
        FixedBitSet images;
        long[] withoutArea;
        long[] withArea;
        if (others == null && area == null) {
            withoutArea = columns.allCellCounts();
            withArea = withoutArea;
            images = filter.values().isEmpty() ? columns.allImages()
                    : count(searcher, columns, queries.dimensions(filter), passing).images();
        } else {
            withoutArea = others == null ? columns.allCellCounts()
                    : count(searcher, columns, others, null).cellCounts();
            CellCounting.Result filtered = count(searcher, columns, queries.and(others, area), passing);
            withArea = filtered.cellCounts();
            images = filtered.images();
        }
        long[] histogram = CellFacets.histogramOfCells(selection, withoutArea);
        return new Evaluation(CellFacets.tally(selection, filter, withArea, histogram, images.cardinality()),
                images);
    }

    private static CellCounting.Result count(IndexSearcher searcher, ReaderColumns columns, @Nullable Query query,
                                             boolean @Nullable [] imagesOf) throws IOException {
        return searcher.search(query == null ? new MatchAllDocsQuery() : query, new CellCounting(columns, imagesOf));
    }
}
