package org.samed2d.explorer.search.engine;

import java.util.List;
import org.samed2d.explorer.search.ImagePage;

/**
 * A run of images with matching masks, by image id.
 *
 * @param more whether images with higher ids match too
 * @param total all images with a matching mask
 */
public record ImageHits(List<ImagePage.ImageHit> hits, boolean more, long total) {
}
