package org.samed2d.explorer.shared;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A binary mask in row-major order with what users ask of one: area, inclusive bbox, COCO RLE, PNG, overlap. */
public record BinaryMask(boolean[] on, int width, int height) {

    public static BinaryMask ofLogits(float[] logits, int width, int height) {
        boolean[] on = new boolean[logits.length];
        for (int i = 0; i < on.length; i++) {
            on[i] = logits[i] > 0;
        }
        return new BinaryMask(on, width, height);
    }

    /** A 0/255 (or any gray/RGB) mask image: pixels above half intensity are on. */
    public static BinaryMask ofImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        boolean[] on = new boolean[width * height];
        int[] pixel = new int[image.getRaster().getNumBands()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                on[y * width + x] = image.getRaster().getPixel(x, y, pixel)[0] > 127;
            }
        }
        return new BinaryMask(on, width, height);
    }

    public long area() {
        long area = 0;
        for (boolean b : on) {
            area += b ? 1 : 0;
        }
        return area;
    }

    /** {@code [x0, y0, x1, y1]} inclusive, or null for an empty mask. */
    public int @org.jspecify.annotations.Nullable [] bbox() {
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (on[y * width + x]) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
    }

    /** Dice and IoU against another mask of the same size; both 1 when both are empty. */
    public double[] diceAndIou(BinaryMask other) {
        long both = 0;
        long a = 0;
        long b = 0;
        for (int i = 0; i < on.length; i++) {
            a += on[i] ? 1 : 0;
            b += other.on[i] ? 1 : 0;
            both += on[i] && other.on[i] ? 1 : 0;
        }
        if (a + b == 0) {
            return new double[] {1, 1};
        }
        return new double[] {2.0 * both / (a + b), (double) both / (a + b - both)};
    }

    /** COCO's compressed RLE, as pycocotools writes it. */
    public String cocoCounts() {
        return CocoRle.counts(on, width, height);
    }

    public byte[] png() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < on.length; i++) {
            data[i] = on[i] ? (byte) 255 : 0;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
