package org.samed2d.explorer.ui.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.MaskFilter.FractionBounds;

/** The chips of a filter: one per chosen value and per range or search, each with the filter it leaves. */
final class Chips {

    /** @param without the filter once this chip is removed */
    record Chip(String label, MaskFilter without) {
    }

    private Chips() {
    }

    static List<Chip> of(MaskFilter filter) {
        List<Chip> chips = new ArrayList<>();
        filter.values().forEach((dimension, values) -> values.forEach(value -> {
            Set<String> rest = new TreeSet<>(values);
            rest.remove(value);
            chips.add(new Chip(dimension.parameter() + ": " + value, FilterEdit.withValues(filter, dimension, rest)));
        }));
        if (!filter.area().isAny()) {
            chips.add(new Chip("area: " + pixels(filter.area()), FilterEdit.withArea(filter, Bounds.ANY)));
        }
        if (!filter.areaFraction().isAny()) {
            chips.add(new Chip("area: " + percent(filter.areaFraction()) + " of image",
                    FilterEdit.withFraction(filter, FractionBounds.ANY)));
        }
        if (!filter.width().isAny()) {
            chips.add(new Chip("width: " + pixels(filter.width()), FilterEdit.withWidth(filter, Bounds.ANY)));
        }
        if (!filter.height().isAny()) {
            chips.add(new Chip("height: " + pixels(filter.height()), FilterEdit.withHeight(filter, Bounds.ANY)));
        }
        if (filter.text() != null) {
            chips.add(new Chip("words: " + filter.text(), FilterEdit.withText(filter, null)));
        }
        return chips;
    }

    /** "5,000–20,000 px", "≥ 5,000 px", "≤ 20,000 px". */
    static String pixels(Bounds bounds) {
        return range(bounds.min() == null ? null : "%,d".formatted(bounds.min()),
                bounds.max() == null ? null : "%,d".formatted(bounds.max())) + " px";
    }

    /** "1–5 %", "≥ 0.5 %"; fractions shown as percentages with up to four significant digits. */
    static String percent(FractionBounds bounds) {
        return range(bounds.min() == null ? null : Percent.format(bounds.min()),
                bounds.max() == null ? null : Percent.format(bounds.max())) + " %";
    }

    private static String range(String min, String max) {
        if (min != null && max != null) {
            return min + "–" + max;
        }
        return min != null ? "≥ " + min : "≤ " + max;
    }
}
