package org.samed2d.explorer.ingest;

import java.io.IOException;
import org.samed2d.explorer.catalog.EntryChecksums;
import org.samed2d.explorer.catalog.FileSource;
import org.samed2d.explorer.release.ReleaseSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives archive entries catalogued before the catalog kept their CRC-32 the one their central directory states: one
 * sequential read of each such archive's directory, no entry read. Until then an export reads those entries for it.
 */
final class EntryCrcPass {

    private static final Logger log = LoggerFactory.getLogger(EntryCrcPass.class);

    private final EntryChecksums checksums;

    EntryCrcPass(EntryChecksums checksums) {
        this.checksums = checksums;
    }

    /** Fills every source that lacks some; a source that cannot be read is logged and left for the next time. */
    long run() {
        long filled = 0;
        for (FileSource source : checksums.sourcesMissingThem()) {
            try {
                long rows = checksums.fill(source.id(), sink -> ReleaseSources.forEachEntryCrc(source, sink));
                log.info("Read the CRC-32 of {} catalogued files from the central directory of {}", rows,
                        source.location());
                filled += rows;
            } catch (IOException e) {
                log.warn("Cannot read the central directory of {} for its entries' CRC-32: {}", source.location(),
                        e.getMessage());
            }
        }
        return filled;
    }
}
