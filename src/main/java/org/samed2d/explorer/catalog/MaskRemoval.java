package org.samed2d.explorer.catalog;

/** A mask taken out of the catalog (the geometry pass rejected it), as the change feed reports it. */
public record MaskRemoval(long maskId, long changeSeq) {
}
