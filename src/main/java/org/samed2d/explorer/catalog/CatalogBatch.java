package org.samed2d.explorer.catalog;

import java.util.List;
import org.samed2d.explorer.shared.ReleaseName;

/**
 * Rows that ingest hands to the catalog in one transaction: an image goes in together with its masks or not at all.
 * Every mask's image must be in the same batch or already in the catalog, and every (dataset, class id) of a mask in
 * {@code labels}.
 */
public record CatalogBatch(int sourceId, List<ImageRow> images, List<MaskRow> masks, List<LabelRow> labels) {

    /** @param path release path, {@code images/<name>.png} */
    public record ImageRow(String path, ReleaseName name, FileLocation location, int width, int height) {
    }

    /** @param path release path, {@code masks/<name>.png}; {@code name} is the parsed mask name */
    public record MaskRow(String path, String imagePath, ReleaseName name, FileLocation location) {
    }

    public record LabelRow(String dataset, String classId, String name) {
    }
}
