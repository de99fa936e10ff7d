package org.samed2d.explorer.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
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
        } finally {
            graphics.dispose();
        }
        // Masks are blended at thumbnail size: a fraction of the pixels of the full-size mask.
        int[] pixels = ((DataBufferInt) thumbnail.getRaster().getDataBuffer()).getData();
        for (Layer layer : layers) {
            boolean[] on = scaledMask(read(layer.png(), "mask"), width, height);
            blend(pixels, on, width, height, layer.colour().getRGB());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(thumbnail, "png", out);
        return out.toByteArray();
    }

    /** Which thumbnail pixels the mask covers (nearest neighbour, so edges stay crisp). */
    private static boolean[] scaledMask(BufferedImage mask, int width, int height) {
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = small.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        graphics.drawImage(mask, 0, 0, width, height, null);
        graphics.dispose();
        byte[] grey = ((DataBufferByte) small.getRaster().getDataBuffer()).getData();
        boolean[] on = new boolean[grey.length];
        for (int i = 0; i < grey.length; i++) {
            on[i] = (grey[i] & 0xFF) > 127;
        }
        return on;
    }

    /** Fills covered pixels half-way towards the colour and paints the border pixels in it. */
    private static void blend(int[] pixels, boolean[] on, int width, int height, int colour) {
        int r = (colour >> 16) & 0xFF;
        int g = (colour >> 8) & 0xFF;
        int b = colour & 0xFF;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (!on[i]) {
                    continue;
                }
                boolean border = x == 0 || y == 0 || x == width - 1 || y == height - 1
                        || !on[i - 1] || !on[i + 1] || !on[i - width] || !on[i + width];
                if (border) {
                    pixels[i] = colour & 0xFFFFFF;
                } else {
                    int p = pixels[i];
                    pixels[i] = ((((p >> 16) & 0xFF) * 55 + r * 45) / 100) << 16
                            | ((((p >> 8) & 0xFF) * 55 + g * 45) / 100) << 8
                            | ((p & 0xFF) * 55 + b * 45) / 100;
                }
            }
        }
    }

    private static BufferedImage read(byte[] png, String what) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IOException("the " + what + " is not a readable PNG");
        }
        return image;
    }
}
