package org.samed2d.explorer.search.opensearch;

import java.util.Collection;
import java.util.List;
import org.samed2d.explorer.catalog.IndexedMask;

/** Where the OpenSearch engine gets all masks of an image when one of them changes: its image document holds them all. */
@FunctionalInterface
public interface ImageMasks {

    /** Every mask of these images as the catalog has them now, in any order; images without masks are left out. */
    List<IndexedMask> of(Collection<Long> imageIds);
}
