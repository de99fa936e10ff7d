package org.samed2d.explorer.segment;

import org.jspecify.annotations.Nullable;

/**
 * One mask's prompts in SAM-Med2D test.py's 256x256 frame, as its prompt files hold them.
 *
 * @param box {@code [x0, y0, x1, y1]}, x1 and y1 one past the last pixel (regionprops' bbox); none when not drawn
 * @param coords x,y pairs of the points, frame pixel indices
 * @param labels per point: 1 foreground, 0 background, -1 a click that found no error
 */
record FramePrompt(double @Nullable [] box, double[] coords, int[] labels) {

    int points() {
        return labels.length;
    }
}
