package org.samed2d.explorer.search;

import java.nio.file.Path;

/** Another process (usually the running portal) is writing the search index. */
public class IndexBusyException extends RuntimeException {

    public IndexBusyException(Path index) {
        this("the search index " + index + " is in use by another process (is the portal running?); "
                + "stop it first, or let the portal keep the index up to date itself");
    }

    public IndexBusyException(String message) {
        super(message);
    }
}
