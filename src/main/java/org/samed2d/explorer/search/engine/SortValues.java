package org.samed2d.explorer.search.engine;

import java.util.List;

/**
 * The sort values of one mask in one order, ending with its id (so they name one position): longs, and strings
 * for the release order. What a cursor carries, the same for every engine.
 */
public record SortValues(List<Object> values) {

    public SortValues {
        for (Object value : values) {
            if (!(value instanceof Long) && !(value instanceof String)) {
                throw new IllegalArgumentException("a sort value is a long or a string, not " + value.getClass());
            }
        }
        values = List.copyOf(values);
    }

    public static SortValues of(Object... values) {
        return new SortValues(List.of(values));
    }

    public long maskId() {
        return (Long) values.getLast();
    }
}
