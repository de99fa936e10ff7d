package org.samed2d.explorer.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Where one file's bytes are inside its source.
 *
 * @param byteSize the file's size once extracted
 * @param crc the CRC-32 of the extracted file: an archive's central directory states it, a folder file's is computed
 *            when ingest reads it (an image in the names phase, a mask in the geometry pass); null until then, and
 *            for files catalogued before the catalog kept it (an archive's are then read from its central directory
 *            by a pass of their own)
 * @param entry for archives, where the entry is; {@code null} for folders (the release path says where)
 */
public record FileLocation(long byteSize, @Nullable Long crc, @Nullable ArchiveEntry entry) {

    /** The same file with its CRC known. */
    public FileLocation withCrc(long value) {
        return new FileLocation(byteSize, value, entry);
    }

    /**
     * @param offset offset of the entry's local header, counted over all parts of a split archive
     * @param storedSize size of the entry's data as stored (compressed)
     * @param method ZIP compression method (0 stored, 8 deflated)
     */
    public record ArchiveEntry(long offset, long storedSize, int method) {
    }
}
