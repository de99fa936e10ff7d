package org.samed2d.explorer.export;

import java.time.Instant;
import java.util.Collection;

/**
 * A limit on a user's exports. It is asked twice: as an export starts (its size still unknown, {@code requested}
 * 0: may the user start one at all?) and again once the export's size is known from the catalog, before any file is
 * read; it throws to refuse.
 */
@FunctionalInterface
public interface ExportQuota {

    ExportQuota NONE = (usage, requested) -> { };

    /**
     * @param active the owner's other exports queued or being prepared
     * @param bytesToday the sizes of the owner's other exports started since midnight UTC, as far as known
     * @param unsized how many of those are still being sized: each reserves the rest of the day's bytes until then
     */
    record Usage(long active, long bytesToday, long unsized) {

        /** The owner's usage in {@code records}, leaving out the export {@code exceptId}. */
        static Usage of(Collection<ExportRecord> records, String owner, String exceptId, Instant dayStart) {
            long active = 0;
            long bytes = 0;
            long unsized = 0;
            for (ExportRecord record : records) {
                if (!owner.equals(record.owner()) || record.id().equals(exceptId)) {
                    continue;
                }
                boolean going = record.state().equals("queued") || record.state().equals("running");
                active += going ? 1 : 0;
                if (!record.created().isBefore(dayStart) && !record.state().equals("failed")) {
                    if (record.bytes() != null) {
                        bytes += record.bytes();
                    } else if (going) {
                        unsized++;
                    }
                }
            }
            return new Usage(active, bytes, unsized);
        }
    }

    void check(Usage usage, long requested);
}
