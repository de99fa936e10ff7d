package org.samed2d.explorer.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.search.MaskFilter;

/**
 * One evaluation's state: where its walk over the matching masks stands (a cursor and the masks of the current
 * page not yet evaluated) and the Dice sums so far. Written by the evaluation runner only, read by reports.
 */
final class EvaluationRun {

    final String id;
    final String model;
    final List<String> prompts;
    final MaskFilter filter;
    final long total;
    final Instant started;
    final @Nullable String owner;
    volatile long done;
    volatile String state = "running";
    volatile @Nullable String error;
    /** The next page's cursor; null before the first page and after the last. */
    @Nullable String cursor;
    boolean lastPage;
    final Deque<MaskRecord> page = new ArrayDeque<>();
    private final Map<String, double[]> sums = new ConcurrentHashMap<>();

    EvaluationRun(String id, String model, List<String> prompts, MaskFilter filter, long total, Instant started,
                  @Nullable String owner) {
        this.id = id;
        this.model = model;
        this.prompts = prompts;
        this.filter = filter;
        this.total = total;
        this.started = started;
        this.owner = owner;
    }

    boolean active() {
        return state.equals("running");
    }

    void add(String prompt, MaskRecord mask, @Nullable Double dice) {
        if (dice == null) {
            return;
        }
        for (String group : List.of("overall", "modality:" + mask.baseModality(), "dataset:" + mask.dataset(),
                "label:" + mask.label())) {
            double[] sum = sums.computeIfAbsent(prompt + "\n" + group, k -> new double[2]);
            sum[0] += dice;
            sum[1]++;
        }
    }

    EvaluationReport report(Instant now) {
        Map<String, Map<String, Double>> means = new LinkedHashMap<>();
        Map<String, Long> counts = new TreeMap<>();
        for (String prompt : prompts) {
            Map<String, Double> byGroup = new TreeMap<>();
            sums.forEach((key, sum) -> {
                String[] parts = key.split("\n", 2);
                if (parts[0].equals(prompt)) {
                    byGroup.put(parts[1], sum[0] / sum[1]);
                    if (prompt.equals(prompts.getFirst())) {
                        counts.put(parts[1], (long) sum[1]);
                    }
                }
            });
            means.put(prompt, byGroup);
        }
        double seconds = Math.max(1e-3, Duration.between(started, now).toMillis() / 1000.0);
        return new EvaluationReport(id, state, model, prompts, done, total, total == 0 ? 1 : (double) done / total,
                done / seconds, started, error, means, counts);
    }
}
