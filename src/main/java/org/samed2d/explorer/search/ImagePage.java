package org.samed2d.explorer.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of images with at least one matching mask, by image id, each with the ids of its matching masks.
 *
 * @param next the cursor of the following page, null on the last page
 * @param total all images with a matching mask
 */
public record ImagePage(List<ImageHit> images, @Nullable String next, long total) {

    public record ImageHit(long imageId, List<Long> maskIds) {
    }
}
