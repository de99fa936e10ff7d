package org.samed2d.explorer.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Encodes 8-bit greyscale and RGB PNGs quickly (no filtering, fast deflate) for the synthetic release. */
final class PngWriter {

    private final Deflater deflater = new Deflater(1);
    private final byte[] buffer = new byte[1 << 16];

    /** {@code pixels} holds rows of {@code width * channels} bytes; {@code channels} is 1 (grey) or 3 (RGB). */
    byte[] encode(int width, int height, int channels, byte[] pixels) {
        ByteArrayOutputStream png = new ByteArrayOutputStream(pixels.length / 8 + 128);
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) (channels == 1 ? 0 : 2)).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array(), 13);
        int stride = width * channels;
        byte[] raw = new byte[(stride + 1) * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(pixels, y * stride, raw, y * (stride + 1) + 1, stride);
        }
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 8 + 64);
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            compressed.write(buffer, 0, n);
        }
        chunk(png, "IDAT", compressed.toByteArray(), compressed.size());
        chunk(png, "IEND", new byte[0], 0);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data, int length) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
        png.writeBytes(typeBytes);
        png.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
