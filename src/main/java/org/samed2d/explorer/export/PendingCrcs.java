package org.samed2d.explorer.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.function.DoubleConsumer;

/**
 * Reads the files whose CRC-32 a plan still lacks (folder files, archive entries catalogued before the catalog kept
 * their CRC) on a pool of threads, many opens in flight at once, and writes the plan again with them. Sizes do not
 * change, so neither does the archive's length.
 */
final class PendingCrcs {

    /** Files whose CRC is being computed at most at once, ahead of the plan's writer. */
    private static final int AHEAD = 512;

    private PendingCrcs() {
    }

    /** Fills the pending CRCs of {@code plan.tsv}; {@code progress} goes from 0 to 1 over the {@code pending} files. */
    static void fill(Path plan, long pending, CataloguedFiles files, ExecutorService readers, DoubleConsumer progress)
            throws IOException {
        Path partial = plan.resolveSibling("plan.tsv.partial");
        long done = 0;
        try (PlanEntries planned = PlanEntries.open(plan);
             ReadAhead<PlanEntries.Located, Long> ahead = new ReadAhead<>(planned,
                     at -> at.entry().pending() ? () -> files.crc(at.entry()) : null, at -> 0, readers, AHEAD,
                     Long.MAX_VALUE);
             BufferedWriter out = Files.newBufferedWriter(partial)) {
            while (ahead.hasNext()) {
                ReadAhead.Slot<PlanEntries.Located, Long> slot = ahead.next();
                PlannedEntry entry = slot.item().entry();
                if (entry.pending()) {
                    entry = entry.withCrc(slot.result());
                    if (++done % 1000 == 0) {
                        progress.accept((double) done / Math.max(1, pending));
                    }
                }
                out.write(entry.line() + "\n");
            }
        }
        Files.move(partial, plan, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress.accept(1);
    }
}
