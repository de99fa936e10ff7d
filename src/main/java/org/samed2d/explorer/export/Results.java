package org.samed2d.explorer.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Waiting for work done on another thread, failing as that work did. */
final class Results {

    private Results() {
    }

    /** The result, waiting for it; the work's own exception if it failed, {@code waitingFor} if interrupted. */
    static <T> T await(Future<T> result, String waitingFor) throws IOException {
        return await(result, () -> waitingFor);
    }

    /**
     * {@link #await(Future, String)} with the description made only when it is needed: the writer of an archive
     * waits for every run of entries it copies, and describing a run of 256 entries costs more than copying it.
     */
    static <T> T await(Future<T> result, Supplier<String> waitingFor) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for " + waitingFor.get());
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }
}
