package org.samed2d.explorer.segment;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.shared.BinaryMask;

/**
 * The masks of one decoder answer, thresholded, with their low-res logits (to refine from any of them) and the
 * index of the best; it describes each candidate, scored against a ground truth when one was named.
 */
record CandidateMasks(List<BinaryMask> masks, List<float[]> lowRes, List<Float> scores, int best) {

    static CandidateMasks of(PromptModel.Decoded decoded, int width, int height) {
        List<BinaryMask> masks = new ArrayList<>();
        List<float[]> lowRes = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        for (PromptModel.Candidate candidate : decoded.candidates()) {
            masks.add(BinaryMask.ofLogits(candidate.logits(), width, height));
            lowRes.add(candidate.lowRes());
            scores.add(candidate.score());
        }
        return new CandidateMasks(List.copyOf(masks), List.copyOf(lowRes), List.copyOf(scores), decoded.best());
    }

    int count() {
        return masks.size();
    }

    List<SegmentResult.Candidate> describe(@Nullable BinaryMask truth) {
        List<SegmentResult.Candidate> described = new ArrayList<>(masks.size());
        for (int i = 0; i < masks.size(); i++) {
            BinaryMask mask = masks.get(i);
            double[] overlap = truth == null ? null : mask.diceAndIou(truth);
            described.add(new SegmentResult.Candidate(i, mask.area(), mask.bbox(), scores.get(i),
                    new SegmentResult.Rle(new int[] {mask.height(), mask.width()}, mask.cocoCounts()),
                    overlap == null ? null : overlap[0], overlap == null ? null : overlap[1]));
        }
        return List.copyOf(described);
    }
}
