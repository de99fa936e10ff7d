package org.samed2d.explorer.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.InvalidQueryException;
import org.samed2d.explorer.search.MaskSort;

/** {@code limit}, {@code cursor} and {@code sort} of a page request, checked. */
record PagingParameters(int limit, @Nullable String cursor, MaskSort sort) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static PagingParameters of(Map<String, List<String>> parameters) {
        String limitText = single(parameters, "limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                throw new InvalidQueryException("limit", "'" + limitText + "' is not a whole number");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidQueryException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
        }
        String cursor = single(parameters, "cursor");
        if (cursor != null && cursor.isBlank()) {
            throw new InvalidQueryException("cursor", "empty; leave it out for the first page");
        }
        String sortText = single(parameters, "sort");
        MaskSort sort = sortText == null ? MaskSort.ID : MaskSort.ofParameter(sortText)
                .orElseThrow(() -> new InvalidQueryException("sort", "'" + sortText + "' is not one of "
                        + String.join(", ", java.util.Arrays.stream(MaskSort.values()).map(MaskSort::parameter).toList())));
        return new PagingParameters(limit, cursor, sort);
    }

    private static @Nullable String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new InvalidQueryException(name, "given " + values.size() + " times; it takes one value");
        }
        return values.isEmpty() ? null : values.getFirst();
    }
}
