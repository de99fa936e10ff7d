package org.samed2d.explorer.release;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Streams the central directory of a (split, ZIP64) archive entry by entry, so an archive of 20M entries is listed
 * without holding its directory in memory. Offsets it reports are absolute in the {@link SpannedFile}.
 */
final class ZipCentralDirectory {

    private static final int EOCD = 0x06054b50;
    private static final int EOCD64_LOCATOR = 0x07064b50;
    private static final int EOCD64 = 0x06064b50;
    private static final int ENTRY = 0x02014b50;
    private static final long MAX_EOCD_SEARCH = 0xFFFF + 22;

    /** One entry: its name, compression method, CRC-32, sizes and absolute local-header offset. */
    record Entry(String name, int method, long crc, long storedSize, long size, long offset) {
    }

    interface EntryConsumer {
        void accept(Entry entry) throws IOException;
    }

    private ZipCentralDirectory() {
    }

    /** Calls {@code consumer} for every entry in directory order and returns how many there were. */
    static long forEachEntry(SpannedFile file, String archiveName, EntryConsumer consumer) throws IOException {
        Directory directory = locate(file, archiveName);
        ChunkReader in = new ChunkReader(file, directory.offset, directory.size);
        long count = 0;
        while (in.remaining() > 0) {
            ByteBuffer head = in.next(46);
            if (head.getInt(0) != ENTRY) {
                throw new IOException(archiveName + ": damaged central directory at entry " + count);
            }
            int method = Short.toUnsignedInt(head.getShort(10));
            long crc = Integer.toUnsignedLong(head.getInt(16));
            long stored = Integer.toUnsignedLong(head.getInt(20));
            long size = Integer.toUnsignedLong(head.getInt(24));
            int nameLength = Short.toUnsignedInt(head.getShort(28));
            int extraLength = Short.toUnsignedInt(head.getShort(30));
            int commentLength = Short.toUnsignedInt(head.getShort(32));
            int disk = Short.toUnsignedInt(head.getShort(34));
            long offset = Integer.toUnsignedLong(head.getInt(42));
            String name = StandardCharsets.UTF_8.decode(in.next(nameLength)).toString();
            ByteBuffer extra = in.next(extraLength);
            in.next(commentLength);
            // ZIP64: the 32-bit fields that overflowed are in extra field 0x0001, in this order.
            for (int at = 0; at + 4 <= extraLength; ) {
                int tag = Short.toUnsignedInt(extra.getShort(at));
                int length = Short.toUnsignedInt(extra.getShort(at + 2));
                if (tag == 0x0001) {
                    int field = at + 4;
                    if (size == 0xFFFFFFFFL) { size = extra.getLong(field); field += 8; }
                    if (stored == 0xFFFFFFFFL) { stored = extra.getLong(field); field += 8; }
                    if (offset == 0xFFFFFFFFL) { offset = extra.getLong(field); field += 8; }
                    if (disk == 0xFFFF) { disk = extra.getInt(field); }
                }
                at += 4 + length;
            }
            consumer.accept(new Entry(name, method, crc, stored, size, file.partStart(disk) + offset));
            count++;
        }
        return count;
    }

    private record Directory(long offset, long size) {
    }

    private static Directory locate(SpannedFile file, String archiveName) throws IOException {
        long tailLength = Math.min(file.size(), MAX_EOCD_SEARCH);
        if (tailLength < 22) {
            throw new IOException(archiveName + ": not a ZIP archive (too short)");
        }
        long tailStart = file.size() - tailLength;
        ByteBuffer tail = ByteBuffer.wrap(file.read(tailStart, (int) tailLength)).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = (int) tailLength - 22; i >= 0; i--) {
            if (tail.getInt(i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new IOException(archiveName + ": not a ZIP archive (no end of central directory record)"
                    + (file.partCount() == 1 ? "; for a split archive name its .zip part and keep the .z01... parts beside it" : ""));
        }
        int cdDisk = Short.toUnsignedInt(tail.getShort(eocd + 6));
        long cdSize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
        long cdOffset = Integer.toUnsignedLong(tail.getInt(eocd + 16));
        int locator = eocd - 20;
        if (locator >= 0 && tail.getInt(locator) == EOCD64_LOCATOR) {
            int eocd64Disk = tail.getInt(locator + 4);
            long eocd64At = file.partStart(eocd64Disk) + tail.getLong(locator + 8);
            ByteBuffer record = ByteBuffer.wrap(file.read(eocd64At, 56)).order(ByteOrder.LITTLE_ENDIAN);
            if (record.getInt(0) != EOCD64) {
                throw new IOException(archiveName + ": damaged ZIP64 end of central directory record");
            }
            cdDisk = record.getInt(20);
            cdSize = record.getLong(40);
            cdOffset = record.getLong(48);
        }
        if (cdDisk >= file.partCount()) {
            throw new IOException(archiveName + ": the central directory is in part " + (cdDisk + 1) + " but only "
                    + file.partCount() + " parts were found beside the .zip");
        }
        return new Directory(file.partStart(cdDisk) + cdOffset, cdSize);
    }

    /** Sequential reads over a region in 1 MiB chunks; {@link #next} returns a little-endian view of n bytes. */
    private static final class ChunkReader {
        private final SpannedFile file;
        private long position;
        private final long end;
        private ByteBuffer chunk = ByteBuffer.allocate(0);

        ChunkReader(SpannedFile file, long start, long length) {
            this.file = file;
            this.position = start;
            this.end = start + length;
        }

        long remaining() {
            return end - position + chunk.remaining();
        }

        ByteBuffer next(int length) throws IOException {
            if (chunk.remaining() < length) {
                int want = (int) Math.min(Math.max(length, 1 << 20), end - position + chunk.remaining());
                if (want < length) {
                    throw new IOException("the central directory ends in the middle of an entry");
                }
                ByteBuffer next = ByteBuffer.allocate(want);
                next.put(chunk);
                int fill = want - next.position();
                ByteBuffer target = next.slice(next.position(), fill);
                file.readFully(position, target);
                position += fill;
                next.position(0);
                chunk = next;
            }
            ByteBuffer view = chunk.slice(chunk.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            chunk.position(chunk.position() + length);
            return view;
        }
    }
}
