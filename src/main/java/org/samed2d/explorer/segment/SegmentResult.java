package org.samed2d.explorer.segment;

import org.jspecify.annotations.Nullable;

/**
 * A predicted mask.
 *
 * @param bbox {@code [x0, y0, x1, y1]} inclusive, null when the mask is empty
 * @param score the model's own IoU estimate
 * @param rle COCO compressed RLE: {@code size} [height, width] and {@code counts}
 * @param dice against the ground-truth mask, when one was named
 */
public record SegmentResult(String id, String model, long imageId, long area, int @Nullable [] bbox, double score,
                            Rle rle, @Nullable Double dice, @Nullable Double iou, Timing timing) {

    public record Rle(int[] size, String counts) {
    }

    /** @param cached whether the image's embedding came from the cache (no encoder run) */
    public record Timing(long encoderMs, long decoderMs, boolean cached) {
    }
}
