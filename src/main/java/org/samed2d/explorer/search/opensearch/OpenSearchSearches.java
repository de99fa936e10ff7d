package org.samed2d.explorer.search.opensearch;

import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.MsearchResponse;
import org.opensearch.client.opensearch.core.msearch.MultisearchBody;
import org.opensearch.client.opensearch.core.msearch.RequestItem;
import org.opensearch.client.opensearch.core.search.SearchResult;
import org.opensearch.client.util.ObjectBuilder;

/**
 * Several searches in one round trip ({@code _msearch}), each on one alias; every one must come back whole. Bodies
 * that repeat exactly (size 0, same query) are answered from the shards' request cache when it is on.
 */
final class OpenSearchSearches {

    private final OpenSearchClient client;
    private final boolean requestCache;

    OpenSearchSearches(OpenSearchClient client, boolean requestCache) {
        this.client = client;
        this.requestCache = requestCache;
    }

    /** A search on one index or alias. */
    record Search(String index, Function<MultisearchBody.Builder, ObjectBuilder<MultisearchBody>> body) {
    }

    List<SearchResult<Void>> run(String what, List<Search> searches) {
        List<RequestItem> items = new ArrayList<>(searches.size());
        for (Search search : searches) {
            MultisearchBody body = MultisearchBody.of(search.body());
            String preference = preference(search.index(), body);
            items.add(RequestItem.of(r -> r.header(h -> h.index(search.index()).requestCache(requestCache)
                    .preference(preference)).body(body)));
        }
        MsearchResponse<Void> response = OpenSearchCalls.call(what,
                () -> client.msearch(m -> m.searches(items), Void.class));
        List<SearchResult<Void>> results = new ArrayList<>(items.size());
        response.responses().forEach(item -> results.add(OpenSearchCalls.complete(what, item)));
        return results;
    }

    /**
     * The same body always goes to the same copy of each shard, so a repeated search finds its answer in that
     * copy's request cache (each copy has its own); different bodies still spread over the copies.
     */
    private String preference(String index, MultisearchBody body) {
        JsonpMapper mapper = client._transport().jsonpMapper();
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(json)) {
            body.serialize(generator, mapper);
        }
        return "explorer-" + Integer.toHexString((index + json).hashCode());
    }

    SearchResult<Void> one(String what, Search search) {
        return run(what, List.of(search)).getFirst();
    }
}
