package org.samed2d.explorer.catalog;

import org.jspecify.annotations.Nullable;

/**
 * An image as the catalog holds it.
 *
 * @param file the release-relative path ({@code images/...png})
 * @param slice null for 2D images
 */
public record ImageRecord(long id, String file, String dataset, String modality, String baseModality,
                          @Nullable String subModality, String caseName, String axis, @Nullable Integer slice,
                          int width, int height, long byteSize) {
}
