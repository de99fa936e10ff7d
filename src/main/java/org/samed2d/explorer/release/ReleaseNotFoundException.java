package org.samed2d.explorer.release;

import java.io.IOException;

/** Nothing at the named path can be read as an SA-Med2D release; the message says why in one line. */
public class ReleaseNotFoundException extends IOException {

    public ReleaseNotFoundException(String message) {
        super(message);
    }
}
