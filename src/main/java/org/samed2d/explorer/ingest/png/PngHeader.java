package org.samed2d.explorer.ingest.png;

import java.nio.ByteBuffer;

/**
 * The IHDR of a PNG, read from the first 33 bytes without decoding any pixels.
 *
 * @param colorType PNG colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA)
 */
public record PngHeader(int width, int height, int bitDepth, int colorType, boolean interlaced) {

    /** Bytes needed from the start of the file. */
    public static final int LENGTH = 33;
    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    /** 16384 x 16384: far above any SA-Med2D image, far below what would exhaust memory. */
    public static final long MAX_PIXELS = 1L << 28;

    /** Parses the header; the exception says what is wrong with it. */
    public static PngHeader read(byte[] head) throws UnreadablePngException {
        if (head.length < LENGTH) {
            throw new UnreadablePngException("file too short for a PNG header (" + head.length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(head);
        if (buffer.getLong(0) != SIGNATURE) {
            throw new UnreadablePngException("not a PNG file (bad signature)");
        }
        if (buffer.getInt(8) != 13 || buffer.getInt(12) != IHDR) {
            throw new UnreadablePngException("PNG does not start with an IHDR chunk");
        }
        int width = buffer.getInt(16);
        int height = buffer.getInt(20);
        if (width <= 0 || height <= 0) {
            throw new UnreadablePngException("PNG declares an invalid size " + width + "x" + height);
        }
        if ((long) width * height > MAX_PIXELS) {
            // refused on the header alone, before anything is allocated for the pixels
            throw new UnreadablePngException("PNG declares " + width + "x" + height + " pixels, more than the "
                    + MAX_PIXELS + " an image or mask may have");
        }
        return new PngHeader(width, height, head[24] & 0xff, head[25] & 0xff, head[28] != 0);
    }
}
