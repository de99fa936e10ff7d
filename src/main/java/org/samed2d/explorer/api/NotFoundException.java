package org.samed2d.explorer.api;

/** A path names an image or mask the catalog does not have. */
class NotFoundException extends RuntimeException {

    NotFoundException(String kind, Object id) {
        super("no " + kind + " with id " + id);
    }
}
