package org.samed2d.explorer.segment;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The prompts SAM-Med2D's test.py draws from a mask in its 256x256 frame ({@link SamMed2dFrame}), with a seeded
 * random source instead of numpy's unseeded one: the box of the largest 8-connected region ({@code get_boxes_from_mask}
 * with no noise), {@code point_num} points of which {@code point_num // 2} are foreground and the rest background,
 * in random order ({@code init_point_sampling}; one point is a foreground one), and each next click of the iterative
 * mode from the error region of the previous prediction ({@code select_random_points}).
 */
final class SamMed2dPrompts {

    private static final int SIDE = SamMed2dFrame.SIDE;

    private SamMed2dPrompts() {
    }

    /**
     * {@code [x0, y0, x1, y1]} of the largest 8-connected region (the first in raster order among equals), x1 and y1
     * one past its last pixel; none for an empty frame.
     */
    static double @Nullable [] box(boolean[] frame) {
        int[] component = new int[frame.length];
        int[] best = null;
        long bestArea = 0;
        int label = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < frame.length; start++) {
            if (!frame[start] || component[start] != 0) {
                continue;
            }
            component[start] = ++label;
            queue.add(start);
            long area = 0;
            int[] bounds = {SIDE, SIDE, -1, -1};
            while (!queue.isEmpty()) {
                int at = queue.poll();
                int x = at % SIDE;
                int y = at / SIDE;
                area++;
                bounds[0] = Math.min(bounds[0], x);
                bounds[1] = Math.min(bounds[1], y);
                bounds[2] = Math.max(bounds[2], x);
                bounds[3] = Math.max(bounds[3], y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && nx < SIDE && ny >= 0 && ny < SIDE && frame[ny * SIDE + nx]
                                && component[ny * SIDE + nx] == 0) {
                            component[ny * SIDE + nx] = label;
                            queue.add(ny * SIDE + nx);
                        }
                    }
                }
            }
            if (area > bestArea) {
                bestArea = area;
                best = bounds;
            }
        }
        return best == null ? null : new double[] {best[0], best[1], best[2] + 1, best[3] + 1};
    }

    /**
     * {@code count} points: one foreground point for 1 (a background one when the frame is empty), otherwise
     * {@code count / 2} foreground and the rest background, each drawn with replacement, then shuffled; none when
     * the frame lacks foreground or background for them.
     */
    static @Nullable FramePrompt points(boolean[] frame, int count, SplittableRandom random) {
        int[] foreground = indices(frame, true);
        int[] background = indices(frame, false);
        if (count == 1) {
            boolean positive = foreground.length > 0;
            int[] from = positive ? foreground : background;
            if (from.length == 0) {
                return null;
            }
            int at = from[random.nextInt(from.length)];
            return new FramePrompt(null, new double[] {at % SIDE, at / SIDE}, new int[] {positive ? 1 : 0});
        }
        int positives = count / 2;
        if (foreground.length == 0 || background.length == 0) {
            return null;
        }
        int[] chosen = new int[count];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            boolean positive = i < positives;
            int[] from = positive ? foreground : background;
            chosen[i] = from[random.nextInt(from.length)];
            labels[i] = positive ? 1 : 0;
        }
        for (int i = count - 1; i > 0; i--) { // the shuffle numpy's permutation does
            int j = random.nextInt(i + 1);
            int point = chosen[i];
            chosen[i] = chosen[j];
            chosen[j] = point;
            int pointLabel = labels[i];
            labels[i] = labels[j];
            labels[j] = pointLabel;
        }
        double[] coords = new double[2 * count];
        for (int i = 0; i < count; i++) {
            coords[2 * i] = chosen[i] % SIDE;
            coords[2 * i + 1] = chosen[i] / SIDE;
        }
        return new FramePrompt(null, coords, labels);
    }

    /**
     * The next click of the iterative mode: a pixel where prediction and truth differ, positive where the mask was
     * missed, negative where too much was predicted; with no error, any pixel, labelled -1 (not a point).
     */
    static FramePrompt click(boolean[] predicted, boolean[] truth, SplittableRandom random) {
        int errors = 0;
        for (int i = 0; i < truth.length; i++) {
            errors += predicted[i] != truth[i] ? 1 : 0;
        }
        if (errors == 0) {
            int at = random.nextInt(truth.length);
            return new FramePrompt(null, new double[] {at % SIDE, at / SIDE}, new int[] {-1});
        }
        int pick = random.nextInt(errors);
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] != truth[i] && pick-- == 0) {
                return new FramePrompt(null, new double[] {i % SIDE, i / SIDE}, new int[] {truth[i] ? 1 : 0});
            }
        }
        throw new IllegalStateException("no error pixel left to pick");
    }

    private static int[] indices(boolean[] frame, boolean value) {
        int count = 0;
        for (boolean on : frame) {
            count += on == value ? 1 : 0;
        }
        int[] found = new int[count];
        int at = 0;
        for (int i = 0; i < frame.length; i++) {
            if (frame[i] == value) {
                found[at++] = i;
            }
        }
        return found;
    }
}
