package org.samed2d.explorer.search;

import java.nio.file.Path;

/** Another process (usually the running portal) holds the search index open for writing. */
public class IndexBusyException extends RuntimeException {

    public IndexBusyException(Path index) {
        super("the search index " + index + " is in use by another process (is the portal running?); "
                + "stop it first, or let the portal keep the index up to date itself");
    }
}
