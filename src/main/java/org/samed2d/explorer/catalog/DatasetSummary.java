package org.samed2d.explorer.catalog;

import java.util.Map;

/**
 * One source dataset with its figures.
 *
 * @param modalities images per base modality
 * @param labels labels with at least one mask
 */
public record DatasetSummary(String name, long images, long masks, Map<String, Long> modalities, long labels) {
}
