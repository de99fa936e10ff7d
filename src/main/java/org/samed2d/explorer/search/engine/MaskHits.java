package org.samed2d.explorer.search.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of mask ids in a sort order.
 *
 * @param next the sort values of the page's last mask when more follow, else null
 * @param total all masks the filter matches
 */
public record MaskHits(List<Long> ids, @Nullable SortValues next, long total) {
}
