package org.samed2d.explorer.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * A plan's entries in order, in runs: consecutive archive entries of one source that follow each other closely in
 * it form a run, read in one call (a sa-med2d export walks the catalog in ingest order, so its entries are mostly one
 * sequential stretch of the source); every other entry is a run of its own. Reading 1.35M entries of a few kB each
 * one by one costs more in calls and hand-offs than in bytes.
 */
final class PlanRuns implements Iterator<List<PlanEntries.Located>> {

    /** At most this many entries and this stretch of the source per run, so a run is read in well under a second. */
    private static final int MAX_ENTRIES = 256;
    private static final long MAX_SPAN = 4L << 20;
    /** A gap larger than this between two entries starts a new run, rather than reading the bytes between them. */
    private static final long MAX_GAP = 64L << 10;

    private final Iterator<PlanEntries.Located> entries;
    private PlanEntries.@Nullable Located held;

    PlanRuns(Iterator<PlanEntries.Located> entries) {
        this.entries = entries;
    }

    @Override
    public boolean hasNext() {
        return held != null || entries.hasNext();
    }

    @Override
    public List<PlanEntries.Located> next() {
        PlanEntries.Located first = held != null ? held : entries.hasNext() ? entries.next() : null;
        held = null;
        if (first == null) {
            throw new NoSuchElementException();
        }
        List<PlanEntries.Located> run = new ArrayList<>(8);
        run.add(first);
        StoredFileRef.Stretch start = archived(first.entry());
        if (start == null) {
            return run;
        }
        StoredFileRef.Stretch last = start;
        while (run.size() < MAX_ENTRIES && entries.hasNext()) {
            PlanEntries.Located candidate = entries.next();
            StoredFileRef.Stretch next = archived(candidate.entry());
            if (next == null || next.sourceId() != start.sourceId() || next.offset() <= last.offset()
                    || next.offset() - last.end() > MAX_GAP || next.end() - start.offset() > MAX_SPAN) {
                held = candidate;
                break;
            }
            run.add(candidate);
            last = next;
        }
        return run;
    }

    /** Where a catalogued archive entry lies in its source; null for anything else. */
    private static StoredFileRef.@Nullable Stretch archived(PlannedEntry entry) {
        return entry.kind().equals("raw") ? StoredFileRef.stretch(entry.ref()) : null;
    }
}
