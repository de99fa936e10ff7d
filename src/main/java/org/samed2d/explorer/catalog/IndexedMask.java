package org.samed2d.explorer.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One mask with the image and label fields a search index needs, as of its last change.
 *
 * @param changeSeq the change-feed number of the row's last change
 * @param subModality null when the release says {@code 00} (none)
 * @param slice null for 2D images
 * @param area null until the geometry pass has decoded the mask
 */
public record IndexedMask(long id, long changeSeq, long imageId, String dataset, String modality, String baseModality,
                          @Nullable String subModality, String caseName, String axis, @Nullable Integer slice,
                          String label, String classId, int instance, @Nullable Long area, int width, int height) {
}
