package org.samed2d.explorer.segment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.shared.BinaryMask;

/**
 * The {@code sam-med2d} protocol: SAM-Med2D's test.py. Prompts are drawn in its 256x256 frame from the mask brought
 * there ({@link SamMed2dFrame}, {@link SamMed2dPrompts}), or taken from a prompt file, and mapped back to image pixels
 * for the model; each answer is scored at the mask's original size as test.py's metrics do (sigmoid above 0.5,
 * Dice = (2|P∩G| + 1e-7) / (|P| + |G| + 1e-7), rounded to 4 decimals before the mean). Random draws are seeded by
 * the mask's file name, so a run repeats exactly on any catalog holding the same files.
 */
final class SamMed2dProtocol implements EvaluationProtocol {

    private final SegmentService segmentation;
    private final MediaService media;

    SamMed2dProtocol(SegmentService segmentation, MediaService media) {
        this.segmentation = segmentation;
        this.media = media;
    }

    @Override
    public void evaluate(EvaluationRun run, MaskRecord mask) {
        BinaryMask truth = truth(media, mask);
        SamMed2dFrame frame = new SamMed2dFrame(truth.width(), truth.height());
        boolean[] framed = frame.apply(truth);
        String name = mask.file().substring(mask.file().lastIndexOf('/') + 1);
        FramePrompt given = null;
        if (run.promptFile != null) {
            given = run.promptFile.get(name);
            if (given == null) {
                run.skip("not in the prompt file");
                return;
            }
        }
        double[] box = given != null ? given.box() : SamMed2dPrompts.box(framed);
        if (box == null) {
            run.skip("empty once resized to 256x256");
            return;
        }
        for (PromptKind kind : run.kinds) {
            // a kind's prompt file holds the box and the points that kind starts from; test.py's default is 1 point
            FramePrompt points = given != null ? given : SamMed2dPrompts.points(framed,
                    kind.type() == PromptKind.Type.POINTS ? kind.count() : 1, random(name, kind.type()
                            == PromptKind.Type.POINTS ? kind.count() + "points" : "1points"));
            if (points == null) {
                run.skip("no " + kind.name() + " to draw (no background or foreground in the 256x256 frame)");
                continue;
            }
            run.prompted(kind, name, box, points);
            run.add(kind.name(), mask, switch (kind.type()) {
                case BOX -> dice(predict(run, mask, frame, box, null, null).logits(), truth);
                case POINTS, FILE_POINTS -> dice(predict(run, mask, frame, null, points, null).logits(), truth);
                case CLICKS -> clicks(run, mask, frame, framed, truth, points, kind.count(), random(name, "clicks"));
            });
        }
    }

    /** test.py's iterative mode: each prediction adds a click from its error region and refines the next. */
    private double clicks(EvaluationRun run, MaskRecord mask, SamMed2dFrame frame, boolean[] framed, BinaryMask truth,
                          FramePrompt first, int runs, SplittableRandom random) {
        FramePrompt points = first;
        SegmentService.Prediction prediction = null;
        for (int i = 0; i < runs; i++) {
            prediction = predict(run, mask, frame, null, points, prediction == null ? null : prediction.lowRes());
            if (i < runs - 1) {
                boolean[] predicted = frame.apply(BinaryMask.ofLogits(prediction.logits(), prediction.width(),
                        prediction.height()));
                points = joined(points, SamMed2dPrompts.click(predicted, framed, random));
            }
        }
        return dice(prediction.logits(), truth);
    }

    private static FramePrompt joined(FramePrompt a, FramePrompt b) {
        double[] coords = java.util.Arrays.copyOf(a.coords(), a.coords().length + b.coords().length);
        System.arraycopy(b.coords(), 0, coords, a.coords().length, b.coords().length);
        int[] labels = java.util.Arrays.copyOf(a.labels(), a.labels().length + b.labels().length);
        System.arraycopy(b.labels(), 0, labels, a.labels().length, b.labels().length);
        return new FramePrompt(null, coords, labels);
    }

    /** Frame prompts mapped to image pixels, run on the server's workers behind interactive requests. */
    private SegmentService.Prediction predict(EvaluationRun run, MaskRecord mask, SamMed2dFrame frame,
                                              double @Nullable [] box, @Nullable FramePrompt points,
                                              float @Nullable [] previous) {
        double[] imageBox = box == null ? null : new double[] {frame.imageX(box[0]), frame.imageY(box[1]),
                frame.imageX(box[2]), frame.imageY(box[3])};
        double[] coords = new double[points == null ? 0 : points.coords().length];
        float[] labels = new float[points == null ? 0 : points.points()];
        for (int i = 0; i < labels.length; i++) {
            coords[2 * i] = frame.imageX(points.coords()[2 * i]);
            coords[2 * i + 1] = frame.imageY(points.coords()[2 * i + 1]);
            labels[i] = points.labels()[i];
        }
        return SegmentService.whenAdmitted(() -> segmentation.predict(mask.imageId(), run.model, imageBox, coords,
                labels, previous));
    }

    /**
     * test.py's Dice of one mask: a prediction pixel is on where sigmoid(logit) &gt; 0.5, except that its metrics skip
     * the sigmoid when no logit is negative and compare the raw logits with 0.5; rounded to 4 decimals (Python's
     * {@code '{:.4f}'}, round half to even on the exact binary value) as it does before averaging.
     */
    static double dice(float[] logits, BinaryMask truth) {
        float min = Float.POSITIVE_INFINITY;
        for (float logit : logits) {
            min = Math.min(min, logit);
        }
        float threshold = min < 0 ? 0 : 0.5f;
        long both = 0;
        long predicted = 0;
        long actual = 0;
        boolean[] on = truth.on();
        for (int i = 0; i < logits.length; i++) {
            boolean p = logits[i] > threshold;
            predicted += p ? 1 : 0;
            actual += on[i] ? 1 : 0;
            both += p && on[i] ? 1 : 0;
        }
        double dice = (2.0 * both + 1e-7) / (predicted + actual + 1e-7);
        return new BigDecimal(dice).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** A random source seeded by the mask's file name and what is drawn, the same on every machine. */
    static SplittableRandom random(String maskFileName, String purpose) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((maskFileName + "\n" + purpose).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (digest[i] & 0xff);
            }
            return new SplittableRandom(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static BinaryMask truth(MediaService media, MaskRecord mask) {
        try {
            return BinaryMask.ofImage(ImageInput.decode(media.mask(mask.id()).orElseThrow().bytes()));
        } catch (java.io.IOException e) {
            throw new MediaService.UnreadableFileException("mask " + mask.id() + ": " + e.getMessage(), e);
        }
    }
}
