package org.samed2d.explorer.catalog;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the catalog for every other module. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final ImageRepository images;
    private final MaskRepository masks;
    private final FileSourceRepository sources;

    CatalogService(ImageRepository images, MaskRepository masks, FileSourceRepository sources) {
        this.images = images;
        this.masks = masks;
        this.sources = sources;
    }

    /** Current figures; counts are exact (one query each, indexed). */
    public CatalogStats stats() {
        return new CatalogStats(images.count(), masks.count(), images.countDatasetsWithImages(),
                images.countModalities(), masks.countLabelsInUse(), masks.countByAreaIsNull());
    }

    /** Masks the geometry pass has not decoded yet (an indexed count, cheap at any catalog size). */
    public long masksWithoutGeometry() {
        return masks.countByAreaIsNull();
    }

    public boolean isEmpty() {
        return images.count() == 0;
    }

    public Optional<FileSource> source(int id) {
        return sources.findById(id).map(FileSourceEntity::toRecord);
    }
}
