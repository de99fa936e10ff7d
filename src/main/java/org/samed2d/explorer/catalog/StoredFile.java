package org.samed2d.explorer.catalog;

/**
 * Where the bytes of one image or mask file are: the release it came from, its release path and its location there.
 */
public record StoredFile(FileSource source, String releasePath, FileLocation location) {
}
