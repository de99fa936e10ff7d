package org.samed2d.explorer.search.engine;

import java.util.Collection;
import java.util.List;
import org.samed2d.explorer.catalog.IndexedMask;

/** One run of writes to an index: catalog rows in change order, made durable and then visible. */
public interface IndexWriting {

    /**
     * Adds or replaces the documents of these masks.
     *
     * @param absent true when none of them can be in the index yet (a build from empty), which skips the lookups
     */
    void put(List<IndexedMask> masks, boolean absent);

    void remove(Collection<Long> maskIds);

    /** Makes what was written durable, with the catalog position it brings the index to, so a restart resumes there. */
    void checkpoint(CatalogPosition position);

    /** Makes what was written durable and visible to searches (for a rebuild: searches move to the new index). */
    void publish(CatalogPosition position);
}
