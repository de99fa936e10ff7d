package org.samed2d.explorer.ingest.png;

/** A file that cannot be read as a PNG image; the message says what is wrong. */
public class UnreadablePngException extends Exception {

    public UnreadablePngException(String message) {
        super(message);
    }

    public UnreadablePngException(String message, Throwable cause) {
        super(message, cause);
    }
}
