package org.samed2d.explorer.ingest;

/** Another ingest runs in this process; one at a time keeps the catalog's load predictable. */
public class IngestBusyException extends RuntimeException {

    public IngestBusyException() {
        this("an ingest is already running; wait for it to finish");
    }

    public IngestBusyException(String message) {
        super(message);
    }
}
