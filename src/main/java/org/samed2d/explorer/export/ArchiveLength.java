package org.samed2d.explorer.export;

/**
 * The exact length of an archive, counted entry by entry as its plan is written or read: a ZIP is as long as its
 * names and stored sizes make it, whatever its CRCs. Counting while the walk writes the plan spares reading a plan of
 * a million entries (hundreds of MB) once more at the end of preparing.
 */
final class ArchiveLength {

    private long entriesEnd;
    private long centralDirectory;
    private long entries;

    void add(PlannedEntry entry) {
        centralDirectory += ZipLayout.centralEntryLength(entry, entriesEnd);
        entriesEnd += ZipLayout.localLength(entry);
        entries++;
    }

    /** The archive's length with the entries added so far: their headers and data, the central directory, the end. */
    long bytes() {
        return entriesEnd + centralDirectory + ZipLayout.endLength(entries, entriesEnd, centralDirectory);
    }
}
