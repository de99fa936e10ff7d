package org.samed2d.explorer.catalog;

/**
 * One class of one dataset, as its row in the catalog: rows are numbered in the order ingests met them, so a later
 * ingest only adds higher numbers.
 */
public record DatasetLabel(int id, String name, String dataset) {
}
