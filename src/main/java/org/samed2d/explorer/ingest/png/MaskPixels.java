package org.samed2d.explorer.ingest.png;

import org.samed2d.explorer.shared.CocoRle;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;

/**
 * Decodes a binary mask PNG and measures it in one pass: foreground area, inclusive bounding box, centroid.
 * 8-bit greyscale non-interlaced PNGs (every mask of the release) take a fast path that inflates and unfilters rows
 * directly; anything else goes through ImageIO. Foreground is 255 (the maximum sample), background 0.
 */
public final class MaskPixels {

    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;

    /** What a decoded mask measures. {@code area} 0 means an empty mask; then the box and centroid are meaningless. */
    /**
     * @param cocoCountsChars the length of the mask's COCO RLE counts string as JSON writes it, so an export knows
     *                        the size of a COCO annotation without decoding the mask again
     */
    public record Measure(int width, int height, long area, int x0, int y0, int x1, int y1, double centroidX,
                          double centroidY, int cocoCountsChars) {
    }

    private MaskPixels() {
    }

    /**
     * Measures the mask; throws {@link UnreadablePngException} for a damaged PNG and {@link NonBinaryMaskException}
     * when a pixel is neither 0 nor the maximum.
     */
    public static Measure measure(byte[] png) throws UnreadablePngException, NonBinaryMaskException {
        PngHeader header = PngHeader.read(png);
        if (header.colorType() == 0 && header.bitDepth() == 8 && !header.interlaced()) {
            return measureGrey8(png, header);
        }
        return measureWithImageIo(png);
    }

    private static Measure measureGrey8(byte[] png, PngHeader header) throws UnreadablePngException,
            NonBinaryMaskException {
        int width = header.width();
        int height = header.height();
        Inflater inflater = new Inflater();
        try {
            feedIdat(png, inflater);
            byte[] previous = new byte[width];
            byte[] row = new byte[width];
            byte[] filter = new byte[1];
            Accumulator acc = new Accumulator();
            // where the value flips going down each column (from off above the first row): COCO's runs follow
            Flips flips = new Flips(width, height);
            for (int y = 0; y < height; y++) {
                inflateFully(inflater, filter);
                inflateFully(inflater, row);
                unfilter(filter[0], row, previous, y);
                for (int x = 0; x < width; x++) {
                    int v = row[x] & 0xff;
                    if (v == 255) {
                        acc.add(x, y);
                    } else if (v != 0) {
                        throw new NonBinaryMaskException("pixel (" + x + "," + y + ") has value " + v
                                + "; masks hold only 0 and 255");
                    }
                }
                for (int from = 0, d; from < width; from += d + 1) {
                    d = java.util.Arrays.mismatch(row, from, width, previous, from, width); // vectorised
                    if (d < 0) {
                        break;
                    }
                    flips.add(from + d, y);
                }
                byte[] swap = previous;
                previous = row;
                row = swap;
            }
            return acc.measure(width, height, flips.cocoJsonLength(previous));
        } catch (DataFormatException e) {
            throw new UnreadablePngException("damaged PNG image data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static void feedIdat(byte[] png, Inflater inflater) throws UnreadablePngException {
        ByteBuffer buffer = ByteBuffer.wrap(png);
        int at = 8;
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream(png.length);
        while (at + 8 <= png.length) {
            int length = buffer.getInt(at);
            int type = buffer.getInt(at + 4);
            if (length < 0 || at + 12L + length > png.length) {
                throw new UnreadablePngException("PNG chunk at byte " + at + " runs past the end of the file");
            }
            if (type == IDAT) {
                data.write(png, at + 8, length);
            } else if (type == IEND) {
                break;
            }
            at += 12 + length;
        }
        if (data.size() == 0) {
            throw new UnreadablePngException("PNG has no image data (IDAT)");
        }
        inflater.setInput(data.toByteArray());
    }

    private static void inflateFully(Inflater inflater, byte[] into) throws DataFormatException, UnreadablePngException {
        int filled = 0;
        while (filled < into.length) {
            int n = inflater.inflate(into, filled, into.length - filled);
            if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                throw new UnreadablePngException("PNG image data ends early");
            }
            filled += n;
        }
    }

    private static void unfilter(byte type, byte[] row, byte[] previous, int y) throws UnreadablePngException {
        int width = row.length;
        switch (type) {
            case 0 -> { }
            case 1 -> {
                for (int x = 1; x < width; x++) {
                    row[x] += row[x - 1];
                }
            }
            case 2 -> {
                for (int x = 0; x < width; x++) {
                    row[x] += previous[x];
                }
            }
            case 3 -> {
                for (int x = 0; x < width; x++) {
                    int left = x > 0 ? row[x - 1] & 0xff : 0;
                    row[x] += (byte) ((left + (previous[x] & 0xff)) >>> 1);
                }
            }
            case 4 -> {
                for (int x = 0; x < width; x++) {
                    int a = x > 0 ? row[x - 1] & 0xff : 0;
                    int b = previous[x] & 0xff;
                    int c = x > 0 ? previous[x - 1] & 0xff : 0;
                    row[x] += (byte) paeth(a, b, c);
                }
            }
            default -> throw new UnreadablePngException("unknown PNG filter type " + type + " in row " + y);
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static Measure measureWithImageIo(byte[] png) throws UnreadablePngException, NonBinaryMaskException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePngException("cannot decode PNG: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new UnreadablePngException("cannot decode PNG");
        }
        Raster raster = image.getRaster();
        int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        Accumulator acc = new Accumulator();
        int[] samples = new int[raster.getWidth()];
        boolean[] on = new boolean[raster.getWidth() * raster.getHeight()]; // the rare path: other PNG kinds
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, raster.getWidth(), 1, 0, samples);
            for (int x = 0; x < samples.length; x++) {
                if (samples[x] == max) {
                    acc.add(x, y);
                    on[y * samples.length + x] = true;
                } else if (samples[x] != 0) {
                    throw new NonBinaryMaskException("pixel (" + x + "," + y + ") has value " + samples[x]
                            + "; masks hold only 0 and " + max);
                }
            }
        }
        return acc.measure(raster.getWidth(), raster.getHeight(),
                CocoRle.jsonLength(on, raster.getWidth(), raster.getHeight()));
    }

    /** Where a mask's value flips going down its columns, gathered row by row. */
    private static final class Flips {
        private final int width;
        private final int height;
        private int[] xs = new int[256];
        private int[] ys = new int[256];
        private int count;

        Flips(int width, int height) {
            this.width = width;
            this.height = height;
        }

        void add(int x, int y) {
            if (count == xs.length) {
                xs = java.util.Arrays.copyOf(xs, count * 2);
                ys = java.util.Arrays.copyOf(ys, count * 2);
            }
            xs[count] = x;
            ys[count++] = y;
        }

        /** Puts the flips in column-major order (a counting sort by column keeps each column's rows in order). */
        int cocoJsonLength(byte[] lastRow) {
            int[] start = new int[width + 1];
            for (int i = 0; i < count; i++) {
                start[xs[i] + 1]++;
            }
            for (int x = 0; x < width; x++) {
                start[x + 1] += start[x];
            }
            int[] next = java.util.Arrays.copyOf(start, width);
            long[] sorted = new long[count];
            for (int i = 0; i < count; i++) {
                sorted[next[xs[i]]++] = (long) xs[i] * height + ys[i];
            }
            long[] positions = new long[count + width];
            int n = 0;
            for (int x = 0; x < width; x++) {
                for (int i = start[x]; i < start[x + 1]; i++) {
                    positions[n++] = sorted[i];
                }
                if (lastRow[x] != 0) {
                    positions[n++] = (long) (x + 1) * height; // the next column starts from off again
                }
            }
            return CocoRle.jsonLengthOfFlips(positions, n, (long) width * height);
        }
    }

    private static final class Accumulator {
        long area;
        long sumX;
        long sumY;
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;

        void add(int x, int y) {
            area++;
            sumX += x;
            sumY += y;
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            y1 = y;
        }

        Measure measure(int width, int height, int cocoCountsChars) {
            if (area == 0) {
                return new Measure(width, height, 0, 0, 0, 0, 0, 0, 0, cocoCountsChars);
            }
            return new Measure(width, height, area, x0, y0, x1, y1, (double) sumX / area, (double) sumY / area,
                    cocoCountsChars);
        }
    }
}
