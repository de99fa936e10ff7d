package org.samed2d.explorer.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of matching mask ids in the requested order.
 *
 * @param next the cursor of the following page, null on the last page
 * @param total all matching masks
 */
public record MaskPage(List<Long> ids, @Nullable String next, long total) {
}
