package org.samed2d.explorer.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.MaskFilter.FractionBounds;
import org.samed2d.explorer.search.engine.TextTokens;

/**
 * Turns request parameters into a {@link MaskFilter}, refusing with {@link InvalidQueryException} anything it cannot
 * use: unknown names, values outside a closed set, non-numbers, min above max, repeated single values.
 */
public final class FilterParser {

    /** Parameters that take one number each; the rest of the filter parameters are dimensions and {@code q}. */
    private static final List<String> RANGES = List.of("areaMin", "areaMax", "widthMin", "widthMax", "heightMin",
            "heightMax", "areaFractionMin", "areaFractionMax");
    private static final Set<String> AXES = Set.of("x", "y", "z", "2d");
    private static final int MAX_VALUE_LENGTH = 300;
    private static final int MAX_VALUES = 1000;

    private FilterParser() {
    }

    /** Every parameter name a filter understands. */
    public static List<String> filterParameters() {
        List<String> names = new java.util.ArrayList<>();
        for (FacetDimension dimension : FacetDimension.values()) {
            names.add(dimension.parameter());
        }
        names.addAll(RANGES);
        names.add("q");
        return names;
    }

    /**
     * @param parameters the request's parameters, each with all its values
     * @param others parameter names the caller handles itself (such as {@code limit}); any other name is refused
     */
    public static MaskFilter parse(Map<String, List<String>> parameters, Set<String> others) {
        List<String> known = filterParameters();
        for (String name : parameters.keySet()) {
            if (name.isBlank()) {
                throw new InvalidQueryException("filter", "a parameter has no name; filters are " + String.join(", ", known));
            }
            if (!known.contains(name) && !others.contains(name)) {
                throw new InvalidQueryException(name, "unknown parameter; filters are " + String.join(", ", known)
                        + (others.isEmpty() ? "" : ", and this endpoint also takes " + String.join(", ", others)));
            }
        }
        Map<FacetDimension, SortedSet<String>> values = new EnumMap<>(FacetDimension.class);
        for (FacetDimension dimension : FacetDimension.values()) {
            List<String> given = parameters.getOrDefault(dimension.parameter(), List.of());
            if (given.size() > MAX_VALUES) {
                throw new InvalidQueryException(dimension.parameter(), "more than " + MAX_VALUES + " values");
            }
            for (String value : given) {
                check(dimension, value);
                values.computeIfAbsent(dimension, d -> new TreeSet<>()).add(value);
            }
        }
        Bounds area = bounds(parameters, "area");
        Bounds width = bounds(parameters, "width");
        Bounds height = bounds(parameters, "height");
        FractionBounds fraction = new FractionBounds(
                single(parameters, "areaFractionMin", FilterParser::fraction),
                single(parameters, "areaFractionMax", FilterParser::fraction));
        if (fraction.min() != null && fraction.max() != null && fraction.min() > fraction.max()) {
            throw new InvalidQueryException("areaFractionMin", "is above areaFractionMax (" + fraction.min() + " > "
                    + fraction.max() + ")");
        }
        String text = single(parameters, "q", FilterParser::text);
        return new MaskFilter(values, area, width, height, fraction, text);
    }

    /** The request parameters that {@link #parse} turns back into {@code filter}, for links and URLs. */
    public static Map<String, List<String>> toParameters(MaskFilter filter) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        filter.values().forEach((dimension, values) -> parameters.put(dimension.parameter(), List.copyOf(values)));
        putBounds(parameters, "area", filter.area());
        putBounds(parameters, "width", filter.width());
        putBounds(parameters, "height", filter.height());
        if (filter.areaFraction().min() != null) {
            parameters.put("areaFractionMin", List.of(String.valueOf(filter.areaFraction().min())));
        }
        if (filter.areaFraction().max() != null) {
            parameters.put("areaFractionMax", List.of(String.valueOf(filter.areaFraction().max())));
        }
        if (filter.text() != null) {
            parameters.put("q", List.of(filter.text()));
        }
        return parameters;
    }

    private static void putBounds(Map<String, List<String>> parameters, String field, Bounds bounds) {
        if (bounds.min() != null) {
            parameters.put(field + "Min", List.of(String.valueOf(bounds.min())));
        }
        if (bounds.max() != null) {
            parameters.put(field + "Max", List.of(String.valueOf(bounds.max())));
        }
    }

    private static void check(FacetDimension dimension, String value) {
        String name = dimension.parameter();
        if (value.isBlank()) {
            throw new InvalidQueryException(name, "empty value");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidQueryException(name, "value longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (dimension == FacetDimension.AXIS && !AXES.contains(value)) {
            throw new InvalidQueryException(name, "'" + value + "' is not one of x, y, z, 2d");
        }
        if (dimension == FacetDimension.REGION && !RegionMap.REGIONS.contains(value)) {
            throw new InvalidQueryException(name, "'" + value + "' is not one of " + String.join(", ", RegionMap.REGIONS));
        }
    }

    private static Bounds bounds(Map<String, List<String>> parameters, String field) {
        Long min = single(parameters, field + "Min", FilterParser::count);
        Long max = single(parameters, field + "Max", FilterParser::count);
        if (min != null && max != null && min > max) {
            throw new InvalidQueryException(field + "Min", "is above " + field + "Max (" + min + " > " + max + ")");
        }
        return new Bounds(min, max);
    }

    private static <T> @Nullable T single(Map<String, List<String>> parameters, String name,
                                          Function<String, @Nullable T> convert) {
        List<String> given = parameters.getOrDefault(name, List.of());
        if (given.isEmpty()) {
            return null;
        }
        if (given.size() > 1) {
            throw new InvalidQueryException(name, "given " + given.size() + " times; it takes one value");
        }
        try {
            return convert.apply(given.getFirst().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(name, e.getMessage());
        }
    }

    private static Long count(String value) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviate(value) + "' is not a whole number");
        }
        if (number < 0) {
            throw new IllegalArgumentException("must not be negative, got " + number);
        }
        return number;
    }

    private static Double fraction(String value) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviate(value) + "' is not a number");
        }
        if (!(number >= 0 && number <= 1)) {
            throw new IllegalArgumentException("must be a fraction between 0 and 1, got " + abbreviate(value));
        }
        return number;
    }

    private static @Nullable String text(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (TextTokens.of(value).isEmpty()) {
            throw new IllegalArgumentException("'" + value + "' has no letters or digits to search for");
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
