package org.samed2d.explorer.search.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.FacetCounts.AreaBin;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;

/**
 * Exact, cross-filtered facet counts from mask counts per cell: an engine counts the masks that pass the filters
 * that are not dimensions (ranges, text) per cell, and dimension filters are then applied to cells, not
 * documents. A cell that fails exactly one dimension's filter still counts towards that dimension's facet
 * (drill-sideways). Both engines tally here, so their facets cannot differ.
 */
public final class CellFacets {

    private static final FacetDimension[] DIMENSIONS = FacetDimension.values();
    private static final int PASSES = -1;
    private static final int FAILS_SEVERAL = -2;

    /** A filter's dimension part applied to a cell dictionary. */
    public static final class Selection {
        private final CellTable.View cells;
        private final boolean[][] allowed;
        private final int[] failed;
        private final boolean[] passing;

        private Selection(CellTable.View cells, MaskFilter filter) {
            this.cells = cells;
            this.allowed = allowedOrdinals(cells, filter);
            this.failed = new int[cells.size()];
            this.passing = new boolean[cells.size()];
            for (int cell = 0; cell < failed.length; cell++) {
                failed[cell] = failedDimension(cell);
                passing[cell] = failed[cell] == PASSES;
            }
        }

        public CellTable.View cells() {
            return cells;
        }

        /** Which cells pass every dimension filter; callers must not change it. */
        public boolean[] passing() {
            return passing;
        }

        /** {@link #PASSES}, the one dimension whose filter the cell fails, or {@link #FAILS_SEVERAL}. */
        private int failedDimension(int cell) {
            int failedOne = PASSES;
            for (FacetDimension dimension : DIMENSIONS) {
                boolean[] values = allowed[dimension.ordinal()];
                if (values != null && !values[cells.ordinal(cell, dimension)]) {
                    if (failedOne != PASSES) {
                        return FAILS_SEVERAL;
                    }
                    failedOne = dimension.ordinal();
                }
            }
            return failedOne;
        }
    }

    private CellFacets() {
    }

    public static Selection select(CellTable.View cells, MaskFilter filter) {
        return new Selection(cells, filter);
    }

    /** The area histogram from per-cell counts of cells that carry their area bin (those without the area range). */
    public static long[] histogramOfCells(Selection selection, long[] withoutArea) {
        long[] histogram = new long[AreaBins.COUNT];
        for (int cell = 0; cell < withoutArea.length; cell++) {
            if (withoutArea[cell] != 0 && selection.passing[cell]) {
                histogram[selection.cells.areaBin(cell)] += withoutArea[cell];
            }
        }
        return histogram;
    }

    /**
     * The facets of a filter.
     *
     * @param withArea masks per cell that pass every filter but the dimension ones
     * @param histogram masks per area bin that pass every filter but the area range
     * @param images distinct images with a mask that passes every filter
     */
    public static FacetCounts tally(Selection selection, MaskFilter filter, long[] withArea, long[] histogram,
                                    long images) {
        CellTable.View cells = selection.cells;
        long[][] perValue = new long[DIMENSIONS.length][];
        for (FacetDimension dimension : DIMENSIONS) {
            perValue[dimension.ordinal()] = new long[cells.valueCount(dimension)];
        }
        long masks = 0;
        for (int cell = 0; cell < withArea.length; cell++) {
            if (withArea[cell] == 0) {
                continue;
            }
            int failed = selection.failed[cell];
            if (failed == PASSES) {
                masks += withArea[cell];
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

    /**
     * Facets from mask counts per value that were counted otherwise (each dimension with every filter but its own),
     * ranked and binned as {@link #tally} does: for measuring other ways of counting against it.
     */
    public static FacetCounts ofValues(MaskCounts counts, Map<FacetDimension, Map<String, Long>> perValue,
                                       MaskFilter filter, long[] histogram) {
        Map<FacetDimension, Map<String, Long>> values = new EnumMap<>(FacetDimension.class);
        for (FacetDimension dimension : DIMENSIONS) {
            Map<String, Long> byName = new HashMap<>();
            perValue.getOrDefault(dimension, Map.of()).forEach((name, count) -> {
                if (count > 0) {
                    byName.put(name, count);
                }
            });
            values.put(dimension, ranked(byName, filter.chosen(dimension)));
        }
        return new FacetCounts(counts, values, bins(histogram));
    }

    /** Values with at least one mask, largest count first, then by name; chosen values are always listed. */
    private static Map<String, Long> ranked(CellTable.View cells, FacetDimension dimension, long[] counts,
                                            Set<String> chosen) {
        Map<String, Long> byName = new HashMap<>();
        for (int ordinal = 0; ordinal < counts.length; ordinal++) {
            if (counts[ordinal] > 0) {
                byName.put(cells.name(dimension, ordinal), counts[ordinal]);
            }
        }
        return ranked(byName, chosen);
    }

    private static Map<String, Long> ranked(Map<String, Long> byName, Set<String> chosen) {
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
}
