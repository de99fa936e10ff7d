package org.samed2d.explorer.search;

/** How many masks match a filter, and how many distinct images they are on. */
public record MaskCounts(long masks, long images) {
}
