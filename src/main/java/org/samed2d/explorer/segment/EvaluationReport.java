package org.samed2d.explorer.segment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.shared.DataSplit;

/**
 * The state and findings of an evaluation run: mean Dice per prompt kind, overall and per modality, dataset and label.
 *
 * @param state {@code running}, {@code done} or {@code failed}
 * @param protocol {@code whole-mask} or {@code sam-med2d}
 * @param meanDice prompt kind to group ("overall", "modality:ct", "dataset:AMOS2022", "label:liver") to mean Dice
 * @param masksPerSecond masks evaluated per second so far (every prompt kind of a mask counts once)
 * @param part the part of the split evaluated, none for every matching mask
 * @param skipped masks left out, by reason (not measured yet, empty once resized to 256x256, not in the prompt file)
 * @param promptFiles the prompt kinds whose test.py prompt file can be downloaded, once done ({@code sam-med2d})
 */
public record EvaluationReport(String id, String state, String model, List<String> prompts, long done, long total,
                               double progress, double masksPerSecond, Instant started, @Nullable String error,
                               Map<String, Map<String, Double>> meanDice, Map<String, Long> counts, String protocol,
                               @Nullable DataSplit split, @Nullable String part, Map<String, Long> skipped,
                               List<String> promptFiles) {
}
