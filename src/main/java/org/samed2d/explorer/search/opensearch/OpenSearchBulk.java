package org.samed2d.explorer.search.opensearch;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ErrorResponse;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.transport.JsonEndpoint;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.endpoints.DelegatingJsonEndpoint;
import org.samed2d.explorer.search.SearchUnavailableException;

/**
 * Sends operations in bulk requests of a set size, a few at a time (one request at a time leaves the cluster idle
 * while each one travels and is parsed), and returns when every one is written; an operation the cluster refused
 * fails the whole call, as unavailable when the cluster may take it later.
 */
final class OpenSearchBulk {

    /** Bulk requests on their way at once. */
    private static final int IN_FLIGHT = 3;
    /**
     * What the cluster answers of each operation: whether and why it failed, not its version, sequence number and
     * shard counts, which the writer never reads and the client parsed for every document written.
     */
    private static final String ANSWER = "took,errors,items.*._index,items.*._id,items.*.status,items.*.error";

    /**
     * The client's bulk endpoint asking for {@link #ANSWER} only (the transport leaves out query parameters set in
     * its options, so the endpoint adds it).
     */
    @SuppressWarnings("unchecked")
    private static final JsonEndpoint<BulkRequest, BulkResponse, ErrorResponse> BULK = new DelegatingJsonEndpoint<>(
            (JsonEndpoint<BulkRequest, BulkResponse, ErrorResponse>) BulkRequest._ENDPOINT) {
        @Override
        public Map<String, String> queryParameters(BulkRequest request) {
            Map<String, String> parameters = new HashMap<>(super.queryParameters(request));
            parameters.put("filter_path", ANSWER);
            return parameters;
        }
    };

    private final OpenSearchTransport transport;
    private final int bulkDocuments;

    OpenSearchBulk(OpenSearchClient client, int bulkDocuments) {
        this.transport = client._transport();
        this.bulkDocuments = bulkDocuments;
    }

    void send(List<BulkOperation> operations) {
        ArrayDeque<CompletableFuture<BulkResponse>> inFlight = new ArrayDeque<>();
        for (int from = 0; from < operations.size(); from += bulkDocuments) {
            List<BulkOperation> part = operations.subList(from, Math.min(operations.size(), from + bulkDocuments));
            if (inFlight.size() == IN_FLIGHT) {
                check(await(inFlight.removeFirst()));
            }
            BulkRequest request = BulkRequest.of(b -> b.operations(part));
            inFlight.add(OpenSearchCalls.call("write the index",
                    () -> transport.performRequestAsync(request, BULK, null)));
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
