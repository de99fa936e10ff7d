package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskSort;

/**
 * Everything the explore page shows, held in its URL: the filter (same parameters as the REST API), the order of
 * the tiles and the first visible row ({@code at}). Copying the URL reproduces the view.
 */
record ExploreState(MaskFilter filter, MaskSort sort, long at) {

    static final ExploreState START = new ExploreState(MaskFilter.ALL, MaskSort.ID, 0);

    /** Reads a URL; throws {@link org.samed2d.explorer.search.InvalidQueryException} naming a bad parameter. */
    static ExploreState of(QueryParameters query) {
        Map<String, List<String>> parameters = query.getParameters();
        MaskFilter filter = FilterParser.parse(parameters, Set.of("sort", "at"));
        MaskSort sort = parameters.getOrDefault("sort", List.of()).stream().findFirst()
                .flatMap(MaskSort::ofParameter).orElse(MaskSort.ID);
        long at = parameters.getOrDefault("at", List.of()).stream().findFirst().map(ExploreState::number).orElse(0L);
        return new ExploreState(filter, sort, at);
    }

    QueryParameters toQuery() {
        Map<String, List<String>> parameters = new LinkedHashMap<>(FilterParser.toParameters(filter));
        if (sort != MaskSort.ID) {
            parameters.put("sort", List.of(sort.parameter()));
        }
        if (at > 0) {
            parameters.put("at", List.of(Long.toString(at)));
        }
        return new QueryParameters(parameters);
    }

    ExploreState with(MaskFilter newFilter) {
        return new ExploreState(newFilter, sort, 0);
    }

    ExploreState with(MaskSort newSort) {
        return new ExploreState(filter, newSort, 0);
    }

    private static long number(String text) {
        try {
            return Math.max(0, Long.parseLong(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
