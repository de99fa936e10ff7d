package org.samed2d.explorer.ui.explore;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One tile of the explore grid: an image with the masks to draw on its thumbnail, a caption and where it leads.
 *
 * @param link the image page, carrying the current filter
 */
record Tile(long imageId, List<Long> maskIds, String title, String caption, String link) {

    static final int THUMBNAIL_SIZE = 256;

    String thumbnailUrl() {
        String masks = maskIds.stream().limit(200).map(id -> "&mask=" + id).collect(Collectors.joining());
        return "/api/v1/images/" + imageId + "/thumbnail?size=" + THUMBNAIL_SIZE + masks;
    }
}
