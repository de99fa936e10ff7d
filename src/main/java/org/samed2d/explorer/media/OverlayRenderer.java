package org.samed2d.explorer.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a thumbnail: the image scaled to fit a square, with the given masks filled half-transparent and outlined in
 * their label's colour.
 */
final class OverlayRenderer {

    record Layer(byte[] png, Color colour) {
    }

    byte[] render(byte[] imagePng, List<Layer> layers, int size) throws IOException {
        BufferedImage image = read(imagePng, "image");
        double scale = Math.min(1.0, (double) size / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = thumbnail.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
            for (Layer layer : layers) {
                BufferedImage mask = read(layer.png(), "mask");
                graphics.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
                graphics.drawImage(tint(mask, layer.colour(), false), 0, 0, width, height, null);
                graphics.setComposite(AlphaComposite.SrcOver);
                graphics.drawImage(tint(scaled(mask, width, height), layer.colour(), true), 0, 0, null);
            }
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(thumbnail, "png", out);
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] png, String what) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IOException("the " + what + " is not a readable PNG");
        }
        return image;
    }

    private static BufferedImage scaled(BufferedImage mask, int width, int height) {
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = small.createGraphics();
        graphics.drawImage(mask, 0, 0, width, height, null);
        graphics.dispose();
        return small;
    }

    /** The mask's "on" pixels (or only their border) in a colour, the rest transparent. */
    private static BufferedImage tint(BufferedImage mask, Color colour, boolean outlineOnly) {
        int width = mask.getWidth();
        int height = mask.getHeight();
        boolean[] on = new boolean[width * height];
        var raster = mask.getRaster();
        int[] pixel = new int[raster.getNumBands()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                on[y * width + x] = raster.getPixel(x, y, pixel)[0] > 127;
            }
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int argb = colour.getRGB() | 0xFF000000;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (on[i] && (!outlineOnly || x == 0 || y == 0 || x == width - 1 || y == height - 1
                        || !on[i - 1] || !on[i + 1] || !on[i - width] || !on[i + width])) {
                    out.setRGB(x, y, argb);
                }
            }
        }
        return out;
    }
}
