package org.samed2d.explorer.search.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far an index has followed the catalog: which catalog (its identity) and the highest change number applied
 * from it. Change numbers of two catalogs cannot be compared, so an index's position is only good for the catalog
 * it names.
 *
 * @param catalog the identity of the catalog the index was written from; null for a new index, or one written by a
 *                version that did not record it
 */
public record CatalogPosition(@Nullable String catalog, long change) {

    /** A new, empty index's position. */
    public static final CatalogPosition NONE = new CatalogPosition(null, 0);

    /** Whether this index can catch up with {@code identity}'s change feed: it holds nothing, or that catalog's changes. */
    public boolean follows(String identity) {
        return Objects.equals(catalog, identity) || equals(NONE);
    }
}
