package org.samed2d.explorer.export;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.FileSource;
import org.samed2d.explorer.catalog.StoredFile;

/**
 * A catalogued file's location written into the plan, so a download reads it without asking the catalog again. Its
 * CRC is not part of it: the plan's entry holds it, whether it came from the catalog or from reading the file.
 */
final class StoredFileRef {

    private static final String SEPARATOR = "\u001f";
    private static final int FIELDS = 9;
    /** Sources decoded so far, by id; checked against the ref each time, since ids are reused after a restore. */
    private static final Map<Integer, FileSource> SOURCES = new ConcurrentHashMap<>();

    private StoredFileRef() {
    }

    static String encode(StoredFile file) {
        FileSource source = file.source();
        FileLocation.ArchiveEntry entry = file.location().entry();
        return String.join(SEPARATOR, Integer.toString(source.id()), source.kind().name(), source.location(),
                source.prefix(), file.releasePath(), Long.toString(file.location().byteSize()),
                entry == null ? "" : Long.toString(entry.offset()), entry == null ? "" : Long.toString(entry.storedSize()),
                entry == null ? "" : Integer.toString(entry.method()));
    }

    /** The file, without its CRC (the plan's entry has it). */
    static StoredFile decode(String ref) {
        return decode(ref, null);
    }

    /**
     * The file, expected to have {@code crc}. Read without splitting: an export's writer decodes every entry of the
     * plan, and splitting cost more than copying the entry's bytes; the source is the one decoded before when the ref
     * names it again, as nearly every entry of an export does.
     */
    static StoredFile decode(String ref, @Nullable Long crc) {
        int[] at = new int[FIELDS - 1];
        int from = 0;
        for (int i = 0; i < at.length; i++) {
            at[i] = ref.indexOf(SEPARATOR, from);
            if (at[i] < 0) {
                throw new IllegalArgumentException("a plan's file reference has " + (i + 1) + " fields, not " + FIELDS);
            }
            from = at[i] + 1;
        }
        FileSource source = source(ref, at);
        FileLocation.ArchiveEntry entry = at[6] + 1 == at[7] ? null
                : new FileLocation.ArchiveEntry(Long.parseLong(ref, at[5] + 1, at[6], 10),
                        Long.parseLong(ref, at[6] + 1, at[7], 10), Integer.parseInt(ref, at[7] + 1, ref.length(), 10));
        return new StoredFile(source, ref.substring(at[3] + 1, at[4]),
                new FileLocation(Long.parseLong(ref, at[4] + 1, at[5], 10), crc, entry));
    }

    /** Where an archive entry's stored bytes lie in its source, read from the ref's end; null for a folder file. */
    static @Nullable Stretch stretch(String ref) {
        int method = ref.lastIndexOf(SEPARATOR);
        int storedSize = ref.lastIndexOf(SEPARATOR, method - 1);
        int offset = ref.lastIndexOf(SEPARATOR, storedSize - 1);
        if (offset + 1 == storedSize) {
            return null;
        }
        long start = Long.parseLong(ref, offset + 1, storedSize, 10);
        return new Stretch(Integer.parseInt(ref, 0, ref.indexOf(SEPARATOR), 10), start,
                start + Long.parseLong(ref, storedSize + 1, method, 10));
    }

    /** An archive entry's place in its source: from its local header to the end of its stored bytes. */
    record Stretch(int sourceId, long offset, long end) {
    }

    private static FileSource source(String ref, int[] at) {
        int id = Integer.parseInt(ref, 0, at[0], 10);
        FileSource known = SOURCES.get(id);
        if (known != null && same(ref, at[0] + 1, at[1], known.kind().name())
                && same(ref, at[1] + 1, at[2], known.location()) && same(ref, at[2] + 1, at[3], known.prefix())) {
            return known;
        }
        FileSource source = new FileSource(id, ref.substring(at[1] + 1, at[2]),
                FileSource.Kind.valueOf(ref.substring(at[0] + 1, at[1]).toUpperCase(Locale.ROOT)),
                ref.substring(at[2] + 1, at[3]));
        SOURCES.put(id, source);
        return source;
    }

    private static boolean same(String ref, int start, int end, String value) {
        return end - start == value.length() && ref.regionMatches(true, start, value, 0, value.length());
    }
}
