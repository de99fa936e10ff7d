package org.samed2d.explorer.search.opensearch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.transport.Endpoint;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.TransportOptions;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official client's transport, made again when a request fails on every node it tried, and the request sent
 * once more on the new one. The client deny-lists a node that fails, for a wait that grows with each failure (one
 * minute, doubling every second failure, up to 30), and tries a deny-listed node only when every node is: after the
 * whole cluster was down a while, a node that is back can stay untried for many minutes, and if the one that
 * answers then dies, every request fails while the other would answer. A new transport has an empty list, so it
 * tries every node in turn. At most one renewal every {@link #LEAST_BETWEEN_RENEWALS}, so a cluster that is down
 * costs a new client only that often; the one replaced is closed when the last request still on it ends.
 */
final class RenewingTransport implements OpenSearchTransport {

    private static final Logger log = LoggerFactory.getLogger(RenewingTransport.class);
    static final Duration LEAST_BETWEEN_RENEWALS = Duration.ofSeconds(5);

    /** One transport and the requests on it, so that one replaced is closed when its last request ends. */
    private static final class InUse {
        final OpenSearchTransport transport;
        final AtomicInteger requests = new AtomicInteger();
        volatile boolean replaced;

        InUse(OpenSearchTransport transport) {
            this.transport = transport;
        }

        InUse enter() {
            requests.incrementAndGet();
            return this;
        }

        void leave() {
            if (requests.decrementAndGet() == 0 && replaced) {
                closeQuietly();
            }
        }

        void closeQuietly() {
            try {
                transport.close();
            } catch (IOException | RuntimeException e) {
                log.debug("Closing a replaced search cluster transport failed: {}", e.getMessage());
            }
        }
    }

    private final Supplier<OpenSearchTransport> make;
    private final Clock clock;
    private volatile InUse current;
    private @Nullable Instant renewed;

    RenewingTransport(Supplier<OpenSearchTransport> make, Clock clock) {
        this.make = make;
        this.clock = clock;
        this.current = new InUse(make.get());
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, @Nullable TransportOptions options) throws IOException {
        InUse used = enterCurrent();
        try {
            return used.transport.performRequest(request, endpoint, options);
        } catch (IOException e) {
            InUse again = renewAfter(used, e);
            if (again == null) {
                throw e;
            }
            try {
                return again.transport.performRequest(request, endpoint, options);
            } catch (IOException secondFailure) {
                secondFailure.addSuppressed(e);
                throw secondFailure;
            } finally {
                again.leave();
            }
        } finally {
            used.leave();
        }
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, @Nullable TransportOptions options) {
        InUse used = enterCurrent();
        return used.transport.performRequestAsync(request, endpoint, options).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            InUse again = cause instanceof IOException e ? renewAfter(used, e) : null;
            if (again == null) {
                return CompletableFuture.<ResponseT>failedFuture(failure);
            }
            return again.transport.performRequestAsync(request, endpoint, options)
                    .whenComplete((response, secondFailure) -> again.leave());
        }).whenComplete((response, failure) -> used.leave());
    }

    /**
     * The current transport, entered. One replaced is given up: it may have closed between reading it and entering
     * it (its replacement is set before it is marked replaced, so the loop ends on the replacement).
     */
    private InUse enterCurrent() {
        while (true) {
            InUse candidate = current.enter();
            if (!candidate.replaced) {
                return candidate;
            }
            candidate.leave();
        }
    }

    /**
     * Where to send a failed request again, entered: a new transport if {@code failed} is still the current one and
     * the failure was the nodes' (not an answer such as 408 or 404), the one another thread made meanwhile, or null
     * when it is too soon to make another.
     */
    private synchronized @Nullable InUse renewAfter(InUse failed, IOException failure) {
        if (failure instanceof ResponseException answer && answer.status() < 500) {
            return null;
        }
        if (current != failed) {
            return current.enter();
        }
        Instant now = clock.instant();
        if (renewed != null && now.isBefore(renewed.plus(LEAST_BETWEEN_RENEWALS))) {
            return null;
        }
        renewed = now;
        log.debug("A search cluster request failed on every node it tried ({}); trying every node again",
                failure.getMessage());
        current = new InUse(make.get());
        failed.replaced = true;
        return current.enter();
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return current.transport.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return current.transport.options();
    }

    @Override
    public void close() throws IOException {
        current.transport.close();
    }
}
