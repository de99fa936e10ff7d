package org.samed2d.explorer.search;

import java.time.Duration;

/**
 * The search engine cannot answer now (the OpenSearch cluster is down or unreachable); the same request may succeed
 * after {@link #retryAfter()}. Nothing else of the portal depends on it.
 */
public class SearchUnavailableException extends RuntimeException {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}
