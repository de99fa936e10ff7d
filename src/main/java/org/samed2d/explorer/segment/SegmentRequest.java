package org.samed2d.explorer.segment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A prompt on one image, in image pixels: a box, points, or both; optionally refining an earlier result and scored
 * against a ground-truth mask of the same image.
 *
 * @param box {@code [x0, y0, x1, y1]} with continuous edges, as in SAM: pixel column x spans [x, x + 1), so
 *            {@code 0 <= x0 < x1 <= width} and {@code 0 <= y0 < y1 <= height}; a mask's inclusive bbox
 *            {@code [x0, y0, x1, y1]} covers the box {@code [x0, y0, x1 + 1, y1 + 1]}
 * @param previous the id of an earlier result on the same image and model, to refine
 * @param model a model name, or null for the default
 * @param previousCandidate which of the previous result's candidate masks to refine; null for its chosen one
 */
public record SegmentRequest(long imageId, int @Nullable [] box, @Nullable List<Point> points,
                             @Nullable String previous, @Nullable Long groundTruthMaskId, @Nullable String model,
                             @Nullable Integer previousCandidate) {

    /** Refining the previous result's chosen candidate, if any. */
    public SegmentRequest(long imageId, int @Nullable [] box, @Nullable List<Point> points, @Nullable String previous,
                          @Nullable Long groundTruthMaskId, @Nullable String model) {
        this(imageId, box, points, previous, groundTruthMaskId, model, null);
    }

    public record Point(double x, double y, boolean positive) {
    }
}
