package org.samed2d.explorer.catalog;

/** Rows a batch added; rows already present are not counted, so a repeated ingest adds zero. */
public record ImportedCounts(long images, long masks) {

    public ImportedCounts plus(ImportedCounts other) {
        return new ImportedCounts(images + other.images, masks + other.masks);
    }
}
