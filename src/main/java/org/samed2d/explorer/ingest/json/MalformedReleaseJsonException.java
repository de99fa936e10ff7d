package org.samed2d.explorer.ingest.json;

/** A release JSON file that cannot be used; the message names the file and what is wrong. */
public class MalformedReleaseJsonException extends Exception {

    public MalformedReleaseJsonException(String message) {
        super(message);
    }

    public MalformedReleaseJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
