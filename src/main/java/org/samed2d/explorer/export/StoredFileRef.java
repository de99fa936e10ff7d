package org.samed2d.explorer.export;

import java.util.Locale;
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

    /** The file, expected to have {@code crc}. */
    static StoredFile decode(String ref, @Nullable Long crc) {
        String[] f = ref.split(SEPARATOR, -1);
        FileSource source = new FileSource(Integer.parseInt(f[0]), f[2],
                FileSource.Kind.valueOf(f[1].toUpperCase(Locale.ROOT)), f[3]);
        FileLocation.ArchiveEntry entry = f[6].isEmpty() ? null
                : new FileLocation.ArchiveEntry(Long.parseLong(f[6]), Long.parseLong(f[7]), Integer.parseInt(f[8]));
        return new StoredFile(source, f[4], new FileLocation(Long.parseLong(f[5]), crc, entry));
    }
}
