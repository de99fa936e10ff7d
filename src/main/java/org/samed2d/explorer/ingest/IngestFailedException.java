package org.samed2d.explorer.ingest;

/** Nothing could be read from the named path; the message gives the reason in one line. */
public class IngestFailedException extends Exception {

    public IngestFailedException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }
}
