package org.samed2d.explorer.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A filter sent in a JSON body ({@code {"label": ["liver"], "areaMin": 100}}) as the query API's parameters. */
final class FilterBody {

    private FilterBody() {
    }

    static Map<String, List<String>> parameters(@Nullable Map<String, Object> filter) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (filter != null) {
            filter.forEach((name, value) -> {
                List<String> values = new ArrayList<>();
                if (value instanceof List<?> list) {
                    list.forEach(item -> values.add(String.valueOf(item)));
                } else {
                    values.add(String.valueOf(value));
                }
                parameters.put(name, values);
            });
        }
        return parameters;
    }
}
