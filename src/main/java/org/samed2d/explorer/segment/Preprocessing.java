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

    /** Scale factors from image pixels to the input frame, x then y. */
    double[] scale(int width, int height, int inputSize) {
        return switch (this) {
            case LONGEST_SIDE -> {
                double s = (double) inputSize / Math.max(width, height);
                yield new double[] {s, s};
            }
            case STRETCH -> new double[] {(double) inputSize / width, (double) inputSize / height};
        };
    }
}
