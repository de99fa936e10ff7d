package org.samed2d.explorer.catalog;

/** A mask whose geometry is not decoded yet, with what decoding it needs: where it is and its image's size. */
public record PendingMask(long id, String path, int sourceId, FileLocation location, int imageWidth, int imageHeight) {
}
