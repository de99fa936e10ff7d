package org.samed2d.explorer.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Where one file's bytes are inside its source.
 *
 * @param byteSize the file's size once extracted
 * @param entry for archives, where the entry is; {@code null} for folders (the release path says where)
 */
public record FileLocation(long byteSize, @Nullable ArchiveEntry entry) {

    /**
     * @param offset offset of the entry's local header, counted over all parts of a split archive
     * @param storedSize size of the entry's data as stored (compressed)
     * @param method ZIP compression method (0 stored, 8 deflated)
     */
    public record ArchiveEntry(long offset, long storedSize, int method) {
    }
}
