package org.samed2d.explorer.savedview;

import java.time.Instant;

/** @param query the explore page's URL query, without the leading {@code ?} */
public record SavedView(long id, String name, String query, Instant updated) {
}
