package org.samed2d.explorer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.FacetCounts.AreaBin;

/**
 * Exact, cross-filtered facet counts. The filters that are not dimensions (ranges, text) run as Lucene queries that
 * count matching documents per cell; dimension filters are then applied to cells, not documents: a cell that fails
 * exactly one dimension's filter still counts towards that dimension's facet (drill-sideways).
 */
final class FacetEngine {

    private static final FacetDimension[] DIMENSIONS = FacetDimension.values();
    private static final int PASSES = -1;
    private static final int FAILS_SEVERAL = -2;

    private final LuceneQueries queries;

    FacetEngine(LuceneQueries queries) {
        this.queries = queries;
    }

    /** The facet counts of a filter, and which images hold a matching mask (bit = image id). */
    record Evaluation(FacetCounts facets, FixedBitSet images) {
    }

    Evaluation evaluate(IndexSearcher searcher, ReaderColumns columns, MaskFilter filter) throws IOException {
        CellTable.View cells = columns.cells();
        boolean[][] allowed = allowedOrdinals(cells, filter);
        boolean[] passing = new boolean[cells.size()];
        for (int cell = 0; cell < passing.length; cell++) {
            passing[cell] = failedDimension(cells, allowed, cell) == PASSES;
        }
        // Cell counts without the area range (for the histogram) and with it (for everything else).
        @Nullable Query others = queries.nonDimensionFilters(filter.withoutArea());
        @Nullable Query area = queries.area(filter.area());
        FixedBitSet images;
        int[] withoutArea;
        int[] withArea;
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
        return new Evaluation(tally(cells, allowed, filter, withoutArea, withArea, images.cardinality()), images);
    }

    private FacetCounts tally(CellTable.View cells, boolean[][] allowed, MaskFilter filter, int[] withoutArea,
                              int[] withArea, long images) {
        long[][] perValue = new long[DIMENSIONS.length][];
        for (FacetDimension dimension : DIMENSIONS) {
            perValue[dimension.ordinal()] = new long[cells.valueCount(dimension)];
        }
        long[] histogram = new long[AreaBins.COUNT];
        long masks = 0;
        for (int cell = 0; cell < withArea.length; cell++) {
            if (withArea[cell] == 0 && withoutArea[cell] == 0) {
                continue;
            }
            int failed = failedDimension(cells, allowed, cell);
            if (failed == PASSES) {
                masks += withArea[cell];
                histogram[cells.areaBin(cell)] += withoutArea[cell];
                for (FacetDimension dimension : DIMENSIONS) {
                    perValue[dimension.ordinal()][cells.ordinal(cell, dimension)] += withArea[cell];
                }
            } else if (failed != FAILS_SEVERAL) {
                perValue[failed][cells.ordinal(cell, DIMENSIONS[failed])] += withArea[cell];
            }
        }
        Map<FacetDimension, Map<String, Long>> values = new EnumMap<>(FacetDimension.class);
        for (FacetDimension dimension : DIMENSIONS) {
            values.put(dimension, ranked(cells, dimension, perValue[dimension.ordinal()], filter.chosen(dimension)));
        }
        return new FacetCounts(new MaskCounts(masks, images), values, bins(histogram));
    }

    /** Values with at least one mask, largest count first, then by name; chosen values are always listed. */
    private static Map<String, Long> ranked(CellTable.View cells, FacetDimension dimension, long[] counts,
                                            Set<String> chosen) {
        Map<String, Long> byName = new java.util.HashMap<>();
        for (int ordinal = 0; ordinal < counts.length; ordinal++) {
            if (counts[ordinal] > 0) {
                byName.put(cells.name(dimension, ordinal), counts[ordinal]);
            }
        }
        for (String value : chosen) {
            byName.putIfAbsent(value, 0L);
        }
        Map<String, Long> ranked = new LinkedHashMap<>();
        byName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> ranked.put(entry.getKey(), entry.getValue()));
        return ranked;
    }

    /** The bins from the first to the last non-empty one (masks of unknown area are left out). */
    private static List<AreaBin> bins(long[] histogram) {
        int first = -1;
        int last = -1;
        for (int bin = 1; bin < histogram.length; bin++) {
            if (histogram[bin] > 0) {
                first = first < 0 ? bin : first;
                last = bin;
            }
        }
        List<AreaBin> bins = new ArrayList<>();
        for (int bin = Math.max(first, 1); first > 0 && bin <= last; bin++) {
            bins.add(new AreaBin(AreaBins.min(bin), AreaBins.max(bin), histogram[bin]));
        }
        return bins;
    }

    /** {@link #PASSES}, the one dimension whose filter the cell fails, or {@link #FAILS_SEVERAL}. */
    private static int failedDimension(CellTable.View cells, boolean[][] allowed, int cell) {
        int failed = PASSES;
        for (FacetDimension dimension : DIMENSIONS) {
            boolean[] values = allowed[dimension.ordinal()];
            if (values != null && !values[cells.ordinal(cell, dimension)]) {
                if (failed != PASSES) {
                    return FAILS_SEVERAL;
                }
                failed = dimension.ordinal();
            }
        }
        return failed;
    }

    /** Per dimension, which value ordinals the filter allows; null where the dimension is not filtered. */
    private static boolean[][] allowedOrdinals(CellTable.View cells, MaskFilter filter) {
        boolean[][] allowed = new boolean[DIMENSIONS.length][];
        for (FacetDimension dimension : DIMENSIONS) {
            Set<String> chosen = filter.chosen(dimension);
            if (chosen.isEmpty()) {
                continue;
            }
            boolean[] values = new boolean[cells.valueCount(dimension)];
            for (int ordinal = 0; ordinal < values.length; ordinal++) {
                values[ordinal] = chosen.contains(cells.name(dimension, ordinal));
            }
            allowed[dimension.ordinal()] = values;
        }
        return allowed;
    }

    private static CellCounting.Result count(IndexSearcher searcher, ReaderColumns columns, @Nullable Query query,
                                             boolean @Nullable [] imagesOf) throws IOException {
        return searcher.search(query == null ? new MatchAllDocsQuery() : query, new CellCounting(columns, imagesOf));
    }
}
