package org.samed2d.explorer.segment;

import java.util.Locale;

/** How an image is brought to the encoder's square input, and prompt coordinates with it. */
enum Preprocessing {
    /** SAM: the longest side to the input size, aspect kept, zero padding bottom/right. */
    LONGEST_SIDE,
    /** SAM-Med2D: both sides to the input size, aspect not kept. */
    STRETCH;

    static Preprocessing of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "longest-side", "longest_side" -> LONGEST_SIDE;
            case "stretch" -> STRETCH;
            default -> throw new IllegalArgumentException("preprocessing must be longest-side or stretch, got '" + name + "'");
        };
    }

    /** The size the image is resized to before padding, width then height (SAM rounds the short side). */
    int[] resized(int width, int height, int inputSize) {
        return switch (this) {
            case LONGEST_SIDE -> {
                double s = (double) inputSize / Math.max(width, height);
                yield new int[] {Math.max(1, (int) Math.round(width * s)), Math.max(1, (int) Math.round(height * s))};
            }
            case STRETCH -> new int[] {inputSize, inputSize};
        };
    }

    /**
     * Scale factors from image pixels to the input frame, x then y: the resized size over the original, per axis, as
     * SAM's {@code apply_coords} has it, so a prompt on the image's far edge lands on the resized image's far edge.
     */
    double[] scale(int width, int height, int inputSize) {
        int[] resized = resized(width, height, inputSize);
        return new double[] {(double) resized[0] / width, (double) resized[1] / height};
    }
}
