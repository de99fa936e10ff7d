package org.samed2d.explorer.ingest;

/** One item left out of the catalog: the file as the release names it, why, and the detail. */
public record SkippedItem(String file, SkipReason reason, String detail) {
}
