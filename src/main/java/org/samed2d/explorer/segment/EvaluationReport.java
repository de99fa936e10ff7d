package org.samed2d.explorer.segment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state and findings of an evaluation run: mean Dice per prompt kind, overall and per modality, dataset and label.
 *
 * @param state {@code running}, {@code done} or {@code failed}
 * @param meanDice prompt kind to group ("overall", "modality:ct", "dataset:AMOS2022", "label:liver") to mean Dice
 * @param masksPerSecond masks evaluated per second so far (every prompt kind of a mask counts once)
 */
public record EvaluationReport(String id, String state, String model, List<String> prompts, long done, long total,
                               double progress, double masksPerSecond, Instant started, @Nullable String error,
                               Map<String, Map<String, Double>> meanDice, Map<String, Long> counts) {
}
