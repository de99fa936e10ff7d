package org.samed2d.explorer.release;

import java.io.IOException;

/**
 * A file is no longer what the catalog recorded of it: its archive entry's local header names another file or
 * states another CRC or size, or a folder file has another size. The archive (or folder) was replaced or changed
 * after it was ingested, so bytes copied from it would not match the sizes and CRC planned for them.
 */
public class ArchiveChangedException extends IOException {

    public ArchiveChangedException(String message) {
        super(message);
    }
}
