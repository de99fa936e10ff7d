package org.samed2d.explorer.ui.explore;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.MaskFilter.FractionBounds;

/** A filter with one part replaced, the rest kept: what every control and chip of the explore page asks for. */
final class FilterEdit {

    private FilterEdit() {
    }

    static MaskFilter withValues(MaskFilter f, FacetDimension dimension, Set<String> chosen) {
        Map<FacetDimension, SortedSet<String>> values = new EnumMap<>(FacetDimension.class);
        values.putAll(f.values());
        values.put(dimension, new TreeSet<>(chosen));
        return new MaskFilter(values, f.area(), f.width(), f.height(), f.areaFraction(), f.text());
    }

    static MaskFilter withArea(MaskFilter f, Bounds area) {
        return new MaskFilter(f.values(), area, f.width(), f.height(), f.areaFraction(), f.text());
    }

    static MaskFilter withFraction(MaskFilter f, FractionBounds fraction) {
        return new MaskFilter(f.values(), f.area(), f.width(), f.height(), fraction, f.text());
    }

    static MaskFilter withWidth(MaskFilter f, Bounds width) {
        return new MaskFilter(f.values(), f.area(), width, f.height(), f.areaFraction(), f.text());
    }

    static MaskFilter withHeight(MaskFilter f, Bounds height) {
        return new MaskFilter(f.values(), f.area(), f.width(), height, f.areaFraction(), f.text());
    }

    static MaskFilter withText(MaskFilter f, @Nullable String text) {
        return new MaskFilter(f.values(), f.area(), f.width(), f.height(), f.areaFraction(), text);
    }

    /** How many filters apply (each chosen value counts once, each range and the words once). */
    static int count(MaskFilter f) {
        int n = f.values().values().stream().mapToInt(Set::size).sum();
        for (boolean any : new boolean[] {f.area().isAny(), f.areaFraction().isAny(), f.width().isAny(),
                f.height().isAny(), f.text() == null}) {
            n += any ? 0 : 1;
        }
        return n;
    }
}
