package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.InvalidQueryException;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskSort;

/**
 * Everything the explore page shows, held in its URL: the filter (same parameters as the REST API), the order of
 * the tiles and the first visible tile ({@code at}). Copying the URL reproduces the view.
 */
public record ExploreState(MaskFilter filter, MaskSort sort, long at) {

    public static final ExploreState START = new ExploreState(MaskFilter.ALL, MaskSort.ID, 0);
    /** URL parameters of the page that are not filters. */
    public static final Set<String> OWN_PARAMETERS = Set.of("sort", "at");

    /**
     * A URL as far as it can be used: a parameter the filter cannot use is left out and named in {@code dropped}
     * ("areaMin: is above areaMax (5000 > 2)"), and the rest still applies, so a bad value never loses a query.
     */
    public record Reading(ExploreState state, List<String> dropped) {
    }

    public static Reading read(QueryParameters query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(query.getParameters());
        List<String> dropped = new ArrayList<>();
        MaskFilter filter = null;
        while (filter == null) {
            try {
                filter = FilterParser.parse(parameters, OWN_PARAMETERS);
            } catch (InvalidQueryException e) {
                dropped.add(e.getMessage());
                // the parameter at fault goes; a nameless one is reported as "filter"
                if (parameters.remove(e.parameter()) == null && !parameters.keySet().removeIf(String::isBlank)) {
                    return new Reading(START, List.copyOf(dropped));
                }
            }
        }
        MaskSort sort = parameters.getOrDefault("sort", List.of()).stream().findFirst()
                .flatMap(MaskSort::ofParameter).orElse(MaskSort.ID);
        long at = parameters.getOrDefault("at", List.of()).stream().findFirst().map(ExploreState::number).orElse(0L);
        return new Reading(new ExploreState(filter, sort, at), List.copyOf(dropped));
    }

    public QueryParameters toQuery() {
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
