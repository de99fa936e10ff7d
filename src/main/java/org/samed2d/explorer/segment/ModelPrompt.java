package org.samed2d.explorer.segment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Prompt points in the model's input frame, with SAM's labels. Box edges are continuous, as in SAM: pixel column x
 * spans [x, x + 1), so a box may run from 0 to the image's width and height; its corners scale like points.
 *
 * @param coords x,y pairs in the input frame
 * @param labels per point: 1 foreground, 0 background, 2/3 box top-left/bottom-right, -1 padding
 */
record ModelPrompt(float[] coords, float[] labels) {

    static ModelPrompt of(SegmentRequest request, int width, int height, ModelProfile profile) {
        int[] box = request.box();
        List<SegmentRequest.Point> points = request.points() == null ? List.of() : request.points();
        if (box == null && points.isEmpty()) {
            throw new InvalidPromptException("box", "give a box, points or both");
        }
        if (points.size() > 64) {
            throw new InvalidPromptException("points", "at most 64 points, got " + points.size());
        }
        double[] coords = new double[2 * points.size()];
        float[] labels = new float[points.size()];
        for (int i = 0; i < points.size(); i++) {
            SegmentRequest.Point point = points.get(i);
            if (!(point.x() >= 0 && point.x() < width && point.y() >= 0 && point.y() < height)) {
                throw new InvalidPromptException("points", "point (" + point.x() + ", " + point.y()
                        + ") is outside the image of " + width + "x" + height + " pixels");
            }
            coords[2 * i] = point.x();
            coords[2 * i + 1] = point.y();
            labels[i] = point.positive() ? 1 : 0;
        }
        if (box != null) {
            checkBox(box, width, height);
        }
        return ofPixels(box == null ? null : new double[] {box[0], box[1], box[2], box[3]}, coords, labels, width,
                height, profile);
    }

    /**
     * Prompts in image pixels, unchecked (evaluations draw them; a background point of SAM-Med2D's padded frame may
     * lie outside the image, and the model takes it as it is).
     *
     * @param coords x,y pairs
     * @param labels per point: 1, 0 or -1
     */
    static ModelPrompt ofPixels(double @Nullable [] box, double[] coords, float[] labels, int width, int height,
                                ModelProfile profile) {
        double[] scale = profile.preprocessing().scale(width, height, profile.inputSize());
        int points = labels.length;
        int n = points + (box == null ? 1 : 2);
        float[] frame = new float[2 * n];
        float[] frameLabels = new float[n];
        for (int i = 0; i < points; i++) {
            frame[2 * i] = (float) (coords[2 * i] * scale[0]);
            frame[2 * i + 1] = (float) (coords[2 * i + 1] * scale[1]);
            frameLabels[i] = labels[i];
        }
        if (box != null) {
            frame[2 * points] = (float) (box[0] * scale[0]);
            frame[2 * points + 1] = (float) (box[1] * scale[1]);
            frameLabels[points] = 2;
            frame[2 * points + 2] = (float) (box[2] * scale[0]);
            frame[2 * points + 3] = (float) (box[3] * scale[1]);
            frameLabels[points + 1] = 3;
        } else {
            frameLabels[points] = -1; // SAM's padding point when there is no box
        }
        return new ModelPrompt(frame, frameLabels);
    }

    private static void checkBox(int[] box, int width, int height) {
        if (box.length != 4) {
            throw new InvalidPromptException("box", "must be [x0, y0, x1, y1], got " + box.length + " numbers");
        }
        if (box[2] < box[0] || box[3] < box[1]) {
            throw new InvalidPromptException("box", "is inverted: x1 < x0 or y1 < y0 in " + java.util.Arrays.toString(box));
        }
        if (box[2] == box[0] || box[3] == box[1]) {
            throw new InvalidPromptException("box", "is empty: x1 must be above x0 and y1 above y0");
        }
        if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) {
            throw new InvalidPromptException("box", java.util.Arrays.toString(box) + " leaves the image of " + width
                    + "x" + height + " pixels; box edges are continuous: 0 <= x0 < x1 <= " + width
                    + " and 0 <= y0 < y1 <= " + height);
        }
    }
}
