package org.samed2d.explorer.search;

import java.util.List;
import java.util.Map;

/**
 * Mask counts per value of every dimension, each with every filter applied except that dimension's own (so users
 * see the alternatives), largest first; and the area histogram with every filter except the area range.
 *
 * @param counts the matching masks and images with every filter applied
 */
public record FacetCounts(MaskCounts counts, Map<FacetDimension, Map<String, Long>> values, List<AreaBin> area) {

    /** Masks with an area in {@code [min, max]} pixels. */
    public record AreaBin(long min, long max, long count) {
    }

    /** Masks whose area is a fraction of their image in {@code [min, max)} (the largest bin includes 1). */
    public record FractionBin(double min, double max, long count) {
    }
}
