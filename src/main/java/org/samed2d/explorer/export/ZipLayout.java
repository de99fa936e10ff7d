package org.samed2d.explorer.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a deterministic ZIP puts around entry data: STORED entries, CRC and sizes in the local header, a fixed
 * timestamp (1980-01-01), UTF-8 names, and ZIP64 records where offsets or counts outgrow the classic fields.
 */
final class ZipLayout {

    static final long MAX_ENTRY = 0xFFFFFFFEL;
    private static final int DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
    private static final long ZIP64_LIMIT = 0xFFFFFFFFL;

    private ZipLayout() {
    }

    static int localHeaderLength(String name) {
        return 30 + utf8(name).length;
    }

    static byte[] localHeader(PlannedEntry entry) {
        byte[] name = utf8(entry.name());
        ByteBuffer b = buffer(30 + name.length);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) 0)
                .putShort((short) 0).putShort((short) DOS_DATE).putInt((int) entry.crc())
                .putInt((int) entry.size()).putInt((int) entry.size())
                .putShort((short) name.length).putShort((short) 0).put(name);
        return b.array();
    }

    static int centralEntryLength(String name, long offset) {
        return 46 + utf8(name).length + (offset >= ZIP64_LIMIT ? 12 : 0);
    }

    static byte[] centralEntry(PlannedEntry entry, long offset) {
        byte[] name = utf8(entry.name());
        boolean zip64 = offset >= ZIP64_LIMIT;
        ByteBuffer b = buffer(centralEntryLength(entry.name(), offset));
        b.putInt(0x02014b50).putShort((short) (zip64 ? 45 : 20)).putShort((short) (zip64 ? 45 : 20))
                .putShort((short) 0x0800).putShort((short) 0).putShort((short) 0).putShort((short) DOS_DATE)
                .putInt((int) entry.crc()).putInt((int) entry.size()).putInt((int) entry.size())
                .putShort((short) name.length).putShort((short) (zip64 ? 12 : 0)).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt(zip64 ? -1 : (int) offset).put(name);
        if (zip64) {
            b.putShort((short) 0x0001).putShort((short) 8).putLong(offset);
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
