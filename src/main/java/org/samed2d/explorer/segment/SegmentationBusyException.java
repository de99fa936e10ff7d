package org.samed2d.explorer.segment;

import java.time.Duration;

/** Every worker is busy and the queue is full, or the request waited longer than allowed: try again later. */
public class SegmentationBusyException extends RuntimeException {

    private final Duration retryAfter;

    public SegmentationBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
