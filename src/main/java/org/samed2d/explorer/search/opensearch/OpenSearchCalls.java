package org.samed2d.explorer.search.opensearch;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.ShardStatistics;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.TermsAggregateBase;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.search.SearchResult;
import org.samed2d.explorer.search.SearchUnavailableException;

/**
 * Calls to the cluster with its failures sorted: what a cluster that is down, overloaded or missing shards says
 * becomes {@link SearchUnavailableException} (a 503 for callers), since every answer must be exact and a partial
 * one is not; anything else is a fault of ours.
 */
final class OpenSearchCalls {

    interface Call<T> {
        T run() throws IOException;
    }

    private OpenSearchCalls() {
    }

    static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new SearchUnavailableException("the search cluster cannot be reached to " + what + " ("
                    + message(e) + ")", e);
        } catch (OpenSearchException e) {
            if (unavailable(e.status()) || notBuilt(e.error().type())) {
                throw new SearchUnavailableException("the search cluster cannot " + what + " now (" + e.getMessage()
                        + ")", e);
            }
            throw new IllegalStateException("the search cluster refused to " + what + ": " + e.getMessage(), e);
        }
    }

    /** 429 (overloaded), 5xx (no shard, no cluster manager): the same request may succeed later. */
    static boolean unavailable(int status) {
        return status == 429 || status >= 500;
    }

    /** The indexer has not made the first index yet: a question of seconds after the first portal starts. */
    private static boolean notBuilt(String type) {
        return "index_not_found_exception".equals(type);
    }

    /** The result of one search of a multi-search, refused unless every shard answered in time. */
    static <T> SearchResult<T> complete(String what, MultiSearchResponseItem<T> item) {
        if (item.isFailure()) {
            int status = item.failure().status() == null ? 500 : item.failure().status();
            String reason = item.failure().error().reason();
            if (unavailable(status) || notBuilt(item.failure().error().type())) {
                throw new SearchUnavailableException("the search cluster cannot " + what + " now (" + reason + ")",
                        null);
            }
            throw new IllegalStateException("the search cluster refused to " + what + ": " + reason);
        }
        SearchResult<T> result = item.result();
        complete(what, result.shards(), result.timedOut());
        return result;
    }

    static void complete(String what, ShardStatistics shards, boolean timedOut) {
        if (shards.failed() > 0 || timedOut) {
            throw new SearchUnavailableException("the search cluster answered " + what + " from "
                    + shards.successful() + " of " + shards.total() + " shards" + (timedOut ? ", timed out" : "")
                    + "; counts would not be exact", null);
        }
    }

    /** A terms aggregation that counted every value: nothing left over, no shard's count uncertain. */
    static Aggregate exact(Aggregate aggregate) {
        TermsAggregateBase<?> terms = aggregate.isSterms() ? aggregate.sterms() : aggregate.lterms();
        Long other = terms.sumOtherDocCount();
        Long error = terms.docCountErrorUpperBound();
        if (other != null && other != 0 || error != null && error != 0) {
            throw new IllegalStateException("a terms aggregation left " + other + " masks uncounted (error bound "
                    + error + "); more distinct values than the engine asks for");
        }
        return aggregate;
    }

    /**
     * What went wrong on each node tried: the client throws the last node's failure with the earlier ones
     * suppressed, and the last may be a node that is down while the one before said why it could not answer (no
     * cluster manager, say).
     */
    static String message(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        collect(e, messages);
        return String.join("; before that, ", messages);
    }

    private static void collect(Throwable e, Set<String> messages) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        messages.add(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        for (Throwable earlier : e.getSuppressed()) {
            collect(earlier, messages);
        }
    }
}
