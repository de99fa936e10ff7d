package org.samed2d.explorer.search.opensearch;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.opensearch.client.opensearch.OpenSearchAsyncClient;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.samed2d.explorer.search.SearchUnavailableException;

/**
 * Sends operations in bulk requests of a set size, a few at a time (one request at a time leaves the cluster idle
 * while each one travels and is parsed), and returns when every one is written; an operation the cluster refused
 * fails the whole call, as unavailable when the cluster may take it later.
 */
final class OpenSearchBulk {

    /** Bulk requests on their way at once. */
    private static final int IN_FLIGHT = 3;

    private final OpenSearchAsyncClient async;
    private final int bulkDocuments;

    OpenSearchBulk(OpenSearchClient client, int bulkDocuments) {
        this.async = new OpenSearchAsyncClient(client._transport());
        this.bulkDocuments = bulkDocuments;
    }

    void send(List<BulkOperation> operations) {
        ArrayDeque<CompletableFuture<BulkResponse>> inFlight = new ArrayDeque<>();
        for (int from = 0; from < operations.size(); from += bulkDocuments) {
            List<BulkOperation> part = operations.subList(from, Math.min(operations.size(), from + bulkDocuments));
            if (inFlight.size() == IN_FLIGHT) {
                check(await(inFlight.removeFirst()));
            }
            inFlight.add(OpenSearchCalls.call("write the index", () -> async.bulk(b -> b.operations(part))));
        }
        while (!inFlight.isEmpty()) {
            check(await(inFlight.removeFirst()));
        }
    }

    private static BulkResponse await(CompletableFuture<BulkResponse> response) {
        try {
            return response.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return OpenSearchCalls.call("write the index", () -> {
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            });
        }
    }

    private static void check(BulkResponse response) {
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null) {
                    String problem = "the search cluster did not write " + item.index() + "/" + item.id() + ": "
                            + item.error().reason();
                    if (OpenSearchCalls.unavailable(item.status())) {
                        throw new SearchUnavailableException(problem, null);
                    }
                    throw new IllegalStateException(problem);
                }
            }
        }
    }
}
