package org.samed2d.explorer.search;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a user asks for: values per facet dimension (any of them matches), numeric ranges (inclusive) and free text
 * (every word must occur in the dataset, case or label name). Different parts must all hold.
 *
 * @param values the chosen values per dimension; a dimension that is absent is not filtered
 */
public record MaskFilter(Map<FacetDimension, SortedSet<String>> values, Bounds area, Bounds width, Bounds height,
                         FractionBounds areaFraction, @Nullable String text) {

    public static final MaskFilter ALL = new MaskFilter(Map.of(), Bounds.ANY, Bounds.ANY, Bounds.ANY,
            FractionBounds.ANY, null);

    public MaskFilter {
        Map<FacetDimension, SortedSet<String>> copy = new EnumMap<>(FacetDimension.class);
        values.forEach((dimension, chosen) -> {
            if (!chosen.isEmpty()) {
                copy.put(dimension, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(chosen)));
            }
        });
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** The chosen values of one dimension, empty when it is not filtered. */
    public Set<String> chosen(FacetDimension dimension) {
        return values.getOrDefault(dimension, java.util.Collections.emptySortedSet());
    }

    public boolean isEmpty() {
        return values.isEmpty() && area.isAny() && width.isAny() && height.isAny() && areaFraction.isAny()
                && text == null;
    }

    /** The same filter without the area range, for the area histogram (which must show what the range hides). */
    public MaskFilter withoutArea() {
        return new MaskFilter(values, Bounds.ANY, width, height, areaFraction, text);
    }

    /** A stable text form: equal filters give equal strings (cursors are bound to it). */
    public String canonical() {
        StringBuilder out = new StringBuilder();
        values.forEach((dimension, chosen) -> out.append(dimension.parameter()).append('=').append(chosen).append(';'));
        return out.append("area=").append(area).append(";width=").append(width).append(";height=").append(height)
                .append(";areaFraction=").append(areaFraction).append(";q=").append(text).toString();
    }

    /** An inclusive range of whole numbers; either end may be open. */
    public record Bounds(@Nullable Long min, @Nullable Long max) {
        public static final Bounds ANY = new Bounds(null, null);

        public boolean isAny() {
            return min == null && max == null;
        }
    }

    /** An inclusive range of fractions; either end may be open. */
    public record FractionBounds(@Nullable Double min, @Nullable Double max) {
        public static final FractionBounds ANY = new FractionBounds(null, null);

        public boolean isAny() {
            return min == null && max == null;
        }
    }
}
