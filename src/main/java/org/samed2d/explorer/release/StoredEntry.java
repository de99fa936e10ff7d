package org.samed2d.explorer.release;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.FileLocation.ArchiveEntry;

/**
 * The data of one archive entry exactly as stored (compressed for a DEFLATED entry), read with its local header and
 * the data descriptor that may follow it in one positional read. What the header (or the descriptor, when the
 * archive wrote one) states must be what the catalog recorded: the same name, method, CRC and sizes. An archive
 * replaced or changed after ingest then fails here, naming the file, instead of giving bytes that no longer match
 * the CRC and sizes an export has already declared for them.
 */
final class StoredEntry {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long OVERFLOW = 0xFFFFFFFFL;
    /** Room read after the name for the header's extra field, guessed so that one read mostly suffices. */
    private static final int EXTRA_GUESS = 64;
    /** The longest data descriptor: signature, CRC and two 8-byte sizes. */
    private static final int DESCRIPTOR_ROOM = 24;

    private StoredEntry() {
    }

    /** How many bytes from its local header {@link #read} reads for an entry in one go, mostly all it needs. */
    static long span(String entryName, ArchiveEntry entry) {
        return 30L + entryName.getBytes(StandardCharsets.UTF_8).length + EXTRA_GUESS + entry.storedSize()
                + DESCRIPTOR_ROOM;
    }

    /**
     * @param entryName the entry's name in the archive (release root prefix included)
     * @param location what the catalog recorded: the entry, its extracted size and (when known) its CRC
     * @param describe names the file in errors (release path and archive), asked only for one: a run of an export
     *                 reads hundreds of entries a millisecond
     */
    static byte[] read(Positional file, String entryName, FileLocation location, Supplier<String> describe)
            throws IOException {
        ByteBuffer data = view(file, entryName, location, describe);
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return bytes;
    }

    /** {@link #read}, the data as a view of the bytes read for it (of a whole block, when {@code file} is one). */
    static ByteBuffer view(Positional file, String entryName, FileLocation location, Supplier<String> describe)
            throws IOException {
        ArchiveEntry entry = java.util.Objects.requireNonNull(location.entry());
        long size = location.byteSize();
        if (entry.storedSize() > Integer.MAX_VALUE - 1024) {
            throw new IOException(describe.get() + ": an entry of " + entry.storedSize() + " bytes is too large to copy whole");
        }
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        int stored = (int) entry.storedSize();
        long wanted = 30L + name.length + EXTRA_GUESS + stored + DESCRIPTOR_ROOM;
        if (entry.offset() < 0 || entry.offset() + 30 + name.length > file.size()) {
            throw changed(describe, "the archive ends before its local header at offset " + entry.offset());
        }
        ByteBuffer block = file.view(entry.offset(), (int) Math.min(wanted, file.size() - entry.offset()))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (block.getInt(0) != LOCAL_HEADER) {
            throw changed(describe, "no local file header at offset " + entry.offset());
        }
        int flags = Short.toUnsignedInt(block.getShort(6));
        int method = Short.toUnsignedInt(block.getShort(8));
        int nameLength = Short.toUnsignedInt(block.getShort(26));
        int extraLength = Short.toUnsignedInt(block.getShort(28));
        if (nameLength != name.length || !block.slice(30, nameLength).equals(ByteBuffer.wrap(name))) {
            throw changed(describe, "the entry at offset " + entry.offset() + " is another file");
        }
        if ((flags & 1) != 0) {
            throw new IOException(describe.get() + ": the entry is encrypted");
        }
        if (method != entry.method()) {
            throw changed(describe, "compression method " + method + ", the catalog recorded " + entry.method());
        }
        int dataStart = 30 + nameLength + extraLength;
        long needed = (long) dataStart + stored + ((flags & 8) != 0 ? DESCRIPTOR_ROOM : 0);
        if (needed > block.capacity() && block.capacity() < file.size() - entry.offset()) {
            // a long extra field: read again, now knowing where the data is
            block = file.view(entry.offset(), (int) Math.min(needed, file.size() - entry.offset()))
                    .order(ByteOrder.LITTLE_ENDIAN);
        }
        if ((long) dataStart + stored > block.capacity()) {
            throw changed(describe, "the archive ends inside the entry's data");
        }
        Sizes declared = (flags & 8) == 0 ? header(block, dataStart - extraLength, extraLength)
                : descriptor(block, dataStart + stored, zip64Extra(block, dataStart - extraLength, extraLength) != null);
        if (declared == null) {
            throw changed(describe, "its data descriptor is missing or damaged");
        }
        Long crc = location.crc();
        if ((crc != null && declared.crc != crc) || declared.stored != entry.storedSize() || declared.size != size) {
            throw changed(describe, "the archive now states CRC %08x, %d bytes stored, %d extracted; the catalog recorded %s, %d, %d"
                    .formatted(declared.crc, declared.stored, declared.size, crc == null ? "no CRC" : "CRC %08x".formatted(crc),
                            entry.storedSize(), size));
        }
        return block.slice(dataStart, stored);
    }

    private record Sizes(long crc, long stored, long size) {
    }

    private static Sizes header(ByteBuffer block, int extraStart, int extraLength) {
        long stored = Integer.toUnsignedLong(block.getInt(18));
        long size = Integer.toUnsignedLong(block.getInt(22));
        if (stored == OVERFLOW || size == OVERFLOW) {
            Integer at = zip64Extra(block, extraStart, extraLength);
            if (at == null) {
                return null;
            }
            // a local header's ZIP64 field holds both sizes, extracted first
            size = block.getLong(at);
            stored = block.getLong(at + 8);
        }
        return new Sizes(Integer.toUnsignedLong(block.getInt(14)), stored, size);
    }

    /** The descriptor after the data; its signature is optional, so the CRC is where it is not. */
    private static @Nullable Sizes descriptor(ByteBuffer block, int at, boolean zip64) {
        int sizeBytes = zip64 ? 8 : 4;
        int start = at + 4 + 2 * sizeBytes <= block.capacity() && block.getInt(at) == DESCRIPTOR ? at + 4 : at;
        if (start + 4 + 2 * sizeBytes > block.capacity()) {
            return null;
        }
        long crc = Integer.toUnsignedLong(block.getInt(start));
        long stored = zip64 ? block.getLong(start + 4) : Integer.toUnsignedLong(block.getInt(start + 4));
        long size = zip64 ? block.getLong(start + 12) : Integer.toUnsignedLong(block.getInt(start + 8));
        return new Sizes(crc, stored, size);
    }

    /** Where the data of the header's ZIP64 extra field starts, if it has one. */
    private static @Nullable Integer zip64Extra(ByteBuffer block, int extraStart, int extraLength) {
        for (int at = extraStart; at + 4 <= extraStart + extraLength && at + 4 <= block.capacity(); ) {
            int tag = Short.toUnsignedInt(block.getShort(at));
            int length = Short.toUnsignedInt(block.getShort(at + 2));
            if (tag == ZIP64_EXTRA && length >= 16 && at + 20 <= block.capacity()) {
                return at + 4;
            }
            at += 4 + length;
        }
        return null;
    }

    private static ArchiveChangedException changed(Supplier<String> describe, String detail) {
        return new ArchiveChangedException(describe.get() + " no longer matches the catalog (" + detail
                + "): the archive was replaced or changed after it was ingested");
    }
}
