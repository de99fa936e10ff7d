package org.samed2d.explorer.shared;

import java.time.Duration;

/** A user has used up one of their quotas; the REST API answers 429 with Retry-After. */
public class QuotaExceededException extends RuntimeException {

    private final String quota;
    private final Duration retryAfter;

    /** @param quota the quota's name as configured, e.g. {@code segmentations-per-minute} */
    public QuotaExceededException(String quota, String message, Duration retryAfter) {
        super(message);
        this.quota = quota;
        this.retryAfter = retryAfter;
    }

    public String quota() {
        return quota;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
