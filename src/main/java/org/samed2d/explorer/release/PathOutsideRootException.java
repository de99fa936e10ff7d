package org.samed2d.explorer.release;

import java.io.IOException;

/** A release path that leads out of the release's root: by its name, or through a symbolic link. */
public class PathOutsideRootException extends IOException {

    public PathOutsideRootException(String message) {
        super(message);
    }
}
