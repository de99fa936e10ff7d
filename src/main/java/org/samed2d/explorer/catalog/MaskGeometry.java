package org.samed2d.explorer.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What decoding a mask gives: foreground pixel count, inclusive bounding box and centroid (mean pixel x and y), and
 * the CRC-32 of the file read for it, kept where the catalog has none yet (a folder file); none when not computed.
 */
public record MaskGeometry(long maskId, long area, int x0, int y0, int x1, int y1, double centroidX, double centroidY,
                           int cocoCountsChars, @Nullable Long crc) {

    /** Geometry alone, the file's CRC not computed. */
    public MaskGeometry(long maskId, long area, int x0, int y0, int x1, int y1, double centroidX, double centroidY,
                        int cocoCountsChars) {
        this(maskId, area, x0, y0, x1, y1, centroidX, centroidY, cocoCountsChars, null);
    }
}
