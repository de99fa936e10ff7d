package org.samed2d.explorer.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a deterministic ZIP puts around entry data: each entry STORED or DEFLATED as planned (a catalogued file
 * keeps its source's method, its data copied as stored), CRC and sizes in the local header (never a data
 * descriptor: everything is known before the first byte), a fixed timestamp (1980-01-01), UTF-8 names, and ZIP64
 * fields wherever a size, an offset or the entry count outgrows the classic ones.
 */
final class ZipLayout {

    private static final int DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
    /** 0xFFFFFFFF itself marks a field moved to ZIP64, so it is the first value that needs moving. */
    private static final long ZIP64_LIMIT = 0xFFFFFFFFL;

    private ZipLayout() {
    }

    private static boolean zip64Sizes(PlannedEntry entry) {
        return entry.size() >= ZIP64_LIMIT || entry.storedSize() >= ZIP64_LIMIT;
    }

    static int localHeaderLength(PlannedEntry entry) {
        return 30 + utf8(entry.name()).length + (zip64Sizes(entry) ? 20 : 0);
    }

    static byte[] localHeader(PlannedEntry entry) {
        byte[] name = utf8(entry.name());
        boolean zip64 = zip64Sizes(entry);
        ByteBuffer b = buffer(localHeaderLength(entry));
        b.putInt(0x04034b50).putShort((short) (zip64 ? 45 : 20)).putShort((short) 0x0800)
                .putShort((short) entry.method()).putShort((short) 0).putShort((short) DOS_DATE)
                .putInt((int) entry.crc())
                .putInt(zip64 ? -1 : (int) entry.storedSize()).putInt(zip64 ? -1 : (int) entry.size())
                .putShort((short) name.length).putShort((short) (zip64 ? 20 : 0)).put(name);
        if (zip64) {
            // a local header's ZIP64 field holds both sizes
            b.putShort((short) 0x0001).putShort((short) 16).putLong(entry.size()).putLong(entry.storedSize());
        }
        return b.array();
    }

    /** The length of an entry's local header and data. */
    static long localLength(PlannedEntry entry) {
        return localHeaderLength(entry) + entry.storedSize();
    }

    private static int zip64Fields(PlannedEntry entry, long offset) {
        return (entry.size() >= ZIP64_LIMIT ? 1 : 0) + (entry.storedSize() >= ZIP64_LIMIT ? 1 : 0)
                + (offset >= ZIP64_LIMIT ? 1 : 0);
    }

    static int centralEntryLength(PlannedEntry entry, long offset) {
        int fields = zip64Fields(entry, offset);
        return 46 + utf8(entry.name()).length + (fields > 0 ? 4 + 8 * fields : 0);
    }

    static byte[] centralEntry(PlannedEntry entry, long offset) {
        byte[] name = utf8(entry.name());
        int fields = zip64Fields(entry, offset);
        boolean bigSize = entry.size() >= ZIP64_LIMIT;
        boolean bigStored = entry.storedSize() >= ZIP64_LIMIT;
        boolean bigOffset = offset >= ZIP64_LIMIT;
        short version = (short) (fields > 0 || zip64Sizes(entry) ? 45 : 20);
        ByteBuffer b = buffer(centralEntryLength(entry, offset));
        b.putInt(0x02014b50).putShort(version).putShort(version)
                .putShort((short) 0x0800).putShort((short) entry.method()).putShort((short) 0)
                .putShort((short) DOS_DATE).putInt((int) entry.crc())
                .putInt(bigStored ? -1 : (int) entry.storedSize()).putInt(bigSize ? -1 : (int) entry.size())
                .putShort((short) name.length).putShort((short) (fields > 0 ? 4 + 8 * fields : 0)).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt(bigOffset ? -1 : (int) offset).put(name);
        if (fields > 0) {
            // only the fields that overflowed, in this order
            b.putShort((short) 0x0001).putShort((short) (8 * fields));
            if (bigSize) {
                b.putLong(entry.size());
            }
            if (bigStored) {
                b.putLong(entry.storedSize());
            }
            if (bigOffset) {
                b.putLong(offset);
            }
        }
        return b.array();
    }

    /** The end records: ZIP64 end record and locator when needed, then the classic end record. */
    static byte[] end(long entries, long centralOffset, long centralSize) {
        boolean zip64 = entries >= 0xFFFF || centralOffset >= ZIP64_LIMIT || centralSize >= ZIP64_LIMIT;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (zip64) {
            ByteBuffer record = buffer(56);
            record.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(entries).putLong(entries).putLong(centralSize).putLong(centralOffset);
            ByteBuffer locator = buffer(20);
            locator.putInt(0x07064b50).putInt(0).putLong(centralOffset + centralSize).putInt(1);
            out.writeBytes(record.array());
            out.writeBytes(locator.array());
        }
        ByteBuffer classic = buffer(22);
        classic.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) (zip64 ? 0xFFFF : entries)).putShort((short) (zip64 ? 0xFFFF : entries))
                .putInt(zip64 ? -1 : (int) centralSize).putInt(zip64 ? -1 : (int) centralOffset).putShort((short) 0);
        out.writeBytes(classic.array());
        return out.toByteArray();
    }

    static int endLength(long entries, long centralOffset, long centralSize) {
        return end(entries, centralOffset, centralSize).length;
    }

    private static ByteBuffer buffer(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
