package org.samed2d.explorer.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.shared.BinaryMask;

/**
 * The {@code whole-mask} protocol, this server's own: at the mask's original size, a box of the whole mask (its
 * bounding box, edges one past the last pixel) and N positive points drawn inside the mask with a seed from its id,
 * each scored by Dice against the mask. Simpler than SAM-Med2D's test.py, whose numbers it does not reproduce.
 */
final class WholeMaskProtocol implements EvaluationProtocol {

    private final SegmentService segmentation;
    private final MediaService media;

    WholeMaskProtocol(SegmentService segmentation, MediaService media) {
        this.segmentation = segmentation;
        this.media = media;
    }

    @Override
    public void evaluate(EvaluationRun run, MaskRecord mask) {
        MaskRecord.Geometry geometry = mask.geometry();
        if (geometry == null) {
            run.skip("not measured yet");
            return;
        }
        // the bbox names the mask's first and last pixels; a box prompt's far edges lie one past the last pixel
        int[] box = {geometry.x0(), geometry.y0(), geometry.x1() + 1, geometry.y1() + 1};
        for (PromptKind kind : run.kinds) {
            List<SegmentRequest.Point> points = kind.hasBox() ? null : pointsInside(mask, kind.count());
            SegmentRequest request = new SegmentRequest(mask.imageId(), kind.hasBox() ? box : null, points,
                    null, mask.id(), run.model);
            run.add(kind.name(), mask, SegmentService.whenAdmitted(() -> segmentation.segment(request)).dice());
        }
    }

    /** Positive points on pixels of the mask, drawn with a seed from the mask id. */
    private List<SegmentRequest.Point> pointsInside(MaskRecord mask, int count) {
        BinaryMask truth = SamMed2dProtocol.truth(media, mask);
        List<Integer> on = new ArrayList<>();
        boolean[] pixels = truth.on();
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i]) {
                on.add(i);
            }
        }
        SplittableRandom random = new SplittableRandom(mask.id());
        List<SegmentRequest.Point> points = new ArrayList<>();
        for (int i = 0; i < count && !on.isEmpty(); i++) {
            int at = on.get(random.nextInt(on.size()));
            points.add(new SegmentRequest.Point(at % truth.width(), at / truth.width(), true));
        }
        return points;
    }
}
