package org.samed2d.explorer.segment;

import java.util.List;

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
        double[] scale = profile.preprocessing().scale(width, height, profile.inputSize());
        int n = points.size() + (box == null ? 1 : 2);
        float[] coords = new float[2 * n];
        float[] labels = new float[n];
        int at = 0;
        for (SegmentRequest.Point point : points) {
            if (!(point.x() >= 0 && point.x() < width && point.y() >= 0 && point.y() < height)) {
                throw new InvalidPromptException("points", "point (" + point.x() + ", " + point.y()
                        + ") is outside the image of " + width + "x" + height + " pixels");
            }
            coords[2 * at] = (float) (point.x() * scale[0]);
            coords[2 * at + 1] = (float) (point.y() * scale[1]);
            labels[at++] = point.positive() ? 1 : 0;
        }
        if (box != null) {
            checkBox(box, width, height);
            coords[2 * at] = (float) (box[0] * scale[0]);
            coords[2 * at + 1] = (float) (box[1] * scale[1]);
            labels[at++] = 2;
            coords[2 * at] = (float) (box[2] * scale[0]);
            coords[2 * at + 1] = (float) (box[3] * scale[1]);
            labels[at] = 3;
        } else {
            labels[at] = -1; // SAM's padding point when there is no box
        }
        return new ModelPrompt(coords, labels);
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
