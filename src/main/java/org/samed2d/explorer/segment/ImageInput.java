package org.samed2d.explorer.segment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** An image as an encoder input: RGB, resized per the profile, normalised per channel (SAM's mean/std), CHW. */
final class ImageInput {

    private static final float[] MEAN = {123.675f, 116.28f, 103.53f};
    private static final float[] STD = {58.395f, 57.12f, 57.375f};

    private ImageInput() {
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IOException("not a readable PNG");
        }
        return image;
    }

    static float[] tensor(BufferedImage image, ModelProfile profile) {
        int side = profile.inputSize();
        int[] size = profile.preprocessing().resized(image.getWidth(), image.getHeight(), side);
        int width = size[0];
        int height = size[1];
        BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = resized.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        int[] rgb = resized.getRGB(0, 0, width, height, null, 0, width);
        float[] chw = new float[3 * side * side]; // padding stays 0, as in SAM (after normalisation)
        int plane = side * side;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = rgb[y * width + x];
                int at = y * side + x;
                chw[at] = (((p >> 16) & 0xFF) - MEAN[0]) / STD[0];
                chw[plane + at] = (((p >> 8) & 0xFF) - MEAN[1]) / STD[1];
                chw[2 * plane + at] = ((p & 0xFF) - MEAN[2]) / STD[2];
            }
        }
        return chw;
    }
}
