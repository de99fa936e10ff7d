package org.samed2d.explorer.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A mask as the catalog holds it, with the fields of its image that users filter and sort by.
 *
 * @param file the release-relative path ({@code masks/...png})
 * @param imageFile the release-relative path of its image
 * @param geometry null until the geometry pass has decoded the mask
 */
public record MaskRecord(long id, String file, long imageId, String imageFile, String dataset, String modality,
                         String baseModality, @Nullable String subModality, String caseName, String axis,
                         @Nullable Integer slice, String label, String classId, int instance, int width, int height,
                         @Nullable Geometry geometry) {

    /** Area in pixels, inclusive bounding box, centroid. */
    /**
     * @param cocoCountsChars the length of the mask's COCO RLE counts string inside JSON; null when measured before
     *                        it was kept
     */
    public record Geometry(long area, int x0, int y0, int x1, int y1, double centroidX, double centroidY,
                           @org.jspecify.annotations.Nullable Integer cocoCountsChars) {
    }
}
