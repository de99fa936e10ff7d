package org.samed2d.explorer.segment;

import org.samed2d.explorer.shared.BinaryMask;

/**
 * SAM-Med2D test.py's 256x256 input frame for an image: an image smaller than 256 on both sides is zero-padded,
 * centred ({@code top = (256 - h) // 2}); any other is resized to 256x256, masks with OpenCV's nearest neighbour
 * ({@code source x = floor(x * (1 / (256 / w)))}, in doubles as OpenCV computes it). test.py draws its prompts in this
 * frame.
 */
record SamMed2dFrame(int width, int height) {

    static final int SIDE = 256;

    boolean padded() {
        return width < SIDE && height < SIDE;
    }

    int left() {
        return padded() ? (SIDE - width) / 2 : 0;
    }

    int top() {
        return padded() ? (SIDE - height) / 2 : 0;
    }

    /** The mask in the frame, row-major, 256 x 256. */
    boolean[] apply(BinaryMask mask) {
        boolean[] on = mask.on();
        boolean[] frame = new boolean[SIDE * SIDE];
        if (padded()) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(on, y * width, frame, (y + top()) * SIDE + left(), width);
            }
            return frame;
        }
        // OpenCV's resizeNN: the inverse of the scale it was given, then floor(x * inverse)
        double inverseX = 1.0 / ((double) SIDE / width);
        double inverseY = 1.0 / ((double) SIDE / height);
        int[] columns = new int[SIDE];
        for (int x = 0; x < SIDE; x++) {
            columns[x] = Math.min(width - 1, (int) Math.floor(x * inverseX));
        }
        for (int y = 0; y < SIDE; y++) {
            int row = Math.min(height - 1, (int) Math.floor(y * inverseY)) * width;
            for (int x = 0; x < SIDE; x++) {
                frame[y * SIDE + x] = on[row + columns[x]];
            }
        }
        return frame;
    }

    /** A frame x coordinate in image pixels (continuous: frame column x spans [x, x + 1)). */
    double imageX(double x) {
        return padded() ? x - left() : x * width / SIDE;
    }

    double imageY(double y) {
        return padded() ? y - top() : y * height / SIDE;
    }
}
