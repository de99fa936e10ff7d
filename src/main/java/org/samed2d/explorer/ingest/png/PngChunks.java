package org.samed2d.explorer.ingest.png;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Walks a PNG from its signature to IEND, checking each chunk's length, type and CRC, without inflating anything:
 * a file cut short (IDAT without IEND) or damaged on the way is refused before it reaches the catalog. Bytes after
 * IEND are ignored, not refused: every decoder (ImageIO, libpng, browsers, OpenCV) stops at IEND, so the pixels are
 * whole, and an export copies the file as the release has it.
 */
public final class PngChunks {

    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;

    private final @Nullable InputStream in;
    private final byte[] buffer;
    private int at;
    private int end;
    /** Bytes of the file that came before {@code buffer[0]}. */
    private long dropped;
    private final CRC32 crc = new CRC32();

    private PngChunks(@Nullable InputStream in, byte[] buffer, int end) {
        this.in = in;
        this.buffer = buffer;
        this.end = end;
    }

    /** Checks a PNG held in memory, reading it in place; returns its header. */
    public static PngHeader check(byte[] png) throws UnreadablePngException {
        try {
            return new PngChunks(null, png, png.length).walk();
        } catch (IOException e) {
            throw new AssertionError("a PNG in memory has no stream to fail", e);
        }
    }

    /**
     * Checks a PNG read from {@code in}, holding at most {@code bufferSize} bytes of it at a time; returns its header.
     * The stream is left open; it is read no further than one buffer past IEND.
     */
    public static PngHeader check(InputStream in, int bufferSize) throws UnreadablePngException, IOException {
        return new PngChunks(in, new byte[Math.max(PngHeader.LENGTH, bufferSize)], 0).walk();
    }

    private PngHeader walk() throws UnreadablePngException, IOException {
        available(PngHeader.LENGTH);
        PngHeader header = PngHeader.read(java.util.Arrays.copyOfRange(buffer, at, Math.min(end, at + PngHeader.LENGTH)));
        at += 8; // the signature; IHDR is walked like any other chunk, so its CRC is checked too
        boolean sawData = false;
        while (true) {
            long chunkAt = position();
            if (!available(8)) {
                throw cutShort(end == at ? "between chunks" : "inside the header of a chunk at byte " + chunkAt);
            }
            long length = Integer.toUnsignedLong(readInt());
            int type = readInt();
            if (length > Integer.MAX_VALUE || !isChunkType(type)) {
                throw new DamagedPngException("PNG has no valid chunk at byte " + chunkAt + " (type bytes "
                        + "%08x, length %d)".formatted(type, length) + ": the file is damaged");
            }
            crc.reset();
            crc.update(buffer, at - 4, 4);
            for (long left = length; left > 0; ) {
                if (!available(1)) {
                    throw cutShort("inside its " + name(type) + " chunk at byte " + chunkAt);
                }
                int n = (int) Math.min(left, end - at);
                crc.update(buffer, at, n);
                at += n;
                left -= n;
            }
            if (!available(4)) {
                throw cutShort("inside the CRC of its " + name(type) + " chunk at byte " + chunkAt);
            }
            int stored = readInt();
            if (stored != (int) crc.getValue()) {
                throw new DamagedPngException("PNG's %s chunk at byte %d fails its CRC check (stored %08x, computed %08x)"
                        .formatted(name(type), chunkAt, stored, (int) crc.getValue()) + ": the file is damaged");
            }
            if (type == IDAT) {
                sawData = true;
            } else if (type == IEND) {
                if (!sawData) {
                    throw new DamagedPngException("PNG has no image data (IDAT) before IEND");
                }
                return header;
            }
        }
    }

    /** Called when the file has ended: {@code dropped + end} is its length. */
    private DamagedPngException cutShort(String where) {
        return new DamagedPngException("PNG ends after " + (dropped + end) + " bytes, " + where
                + ", before IEND: the file is cut short");
    }

    private long position() {
        return dropped + at;
    }

    private int readInt() {
        int value = (buffer[at] & 0xff) << 24 | (buffer[at + 1] & 0xff) << 16 | (buffer[at + 2] & 0xff) << 8
                | buffer[at + 3] & 0xff;
        at += 4;
        return value;
    }

    /** Whether {@code n} bytes can be had from {@code at}, refilling the buffer from the stream when it has one. */
    private boolean available(int n) throws IOException {
        if (end - at >= n) {
            return true;
        }
        if (in == null) {
            return false; // a file in memory: never move the caller's bytes
        }
        System.arraycopy(buffer, at, buffer, 0, end - at);
        dropped += at;
        end -= at;
        at = 0;
        while (end < n) {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                return false;
            }
            end += read;
        }
        return true;
    }

    /** Four ASCII letters, as the PNG specification requires of a chunk type. */
    private static boolean isChunkType(int type) {
        for (int shift = 0; shift < 32; shift += 8) {
            int c = (type >>> shift) & 0xff;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static String name(int type) {
        return new String(new byte[] {(byte) (type >>> 24), (byte) (type >>> 16), (byte) (type >>> 8), (byte) type},
                java.nio.charset.StandardCharsets.US_ASCII);
    }
}
