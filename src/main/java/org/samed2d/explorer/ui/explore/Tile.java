package org.samed2d.explorer.ui.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One tile of the explore grid: an image with the masks to draw on its thumbnail, a caption and where it leads.
 *
 * @param index the tile's position in the result (the grid's keys and its place in the URL)
 * @param link the image page, carrying the current filter and order
 * @param masks the drawn masks with their label colour and box, for the tile's legend and names on hover
 */
record Tile(long index, long imageId, List<Long> maskIds, String title, String caption, String link, int width,
            int height, List<DrawnMask> masks) {

    static final int THUMBNAIL_SIZE = 256;

    /** @param box {@code [x0, y0, x1, y1]} inclusive, null until measured */
    record DrawnMask(String label, String colour, long area, int @Nullable [] box) {
    }

    String thumbnailUrl() {
        String ids = maskIds.stream().limit(200).map(id -> "&mask=" + id).collect(Collectors.joining());
        return "/api/v1/images/" + imageId + "/thumbnail?size=" + THUMBNAIL_SIZE + ids;
    }

    /** Each label drawn once, with its colour, in the order of the masks. */
    Map<String, String> legend() {
        Map<String, String> legend = new LinkedHashMap<>();
        masks.forEach(mask -> legend.putIfAbsent(mask.label(), mask.colour()));
        return legend;
    }
}
