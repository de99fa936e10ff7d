package org.samed2d.explorer.catalog;

/**
 * What decoding a mask gives: foreground pixel count, inclusive bounding box and centroid (mean pixel x and y).
 */
public record MaskGeometry(long maskId, long area, int x0, int y0, int x1, int y1, double centroidX, double centroidY,
                           int cocoCountsChars) {
}
