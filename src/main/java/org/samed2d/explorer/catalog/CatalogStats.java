package org.samed2d.explorer.catalog;

/**
 * Catalog figures.
 *
 * @param datasets source datasets with at least one image
 * @param modalities distinct base modalities
 * @param labels (dataset, class) labels with at least one mask
 * @param masksWithoutGeometry masks the geometry pass has not decoded yet
 */
public record CatalogStats(long images, long masks, long datasets, long modalities, long labels,
                           long masksWithoutGeometry) {
}
