package org.samed2d.explorer.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
import org.samed2d.explorer.shared.DataSplit;

/**
 * One evaluation's state: where its walk over the matching masks stands (a cursor and the masks of the current
 * page not yet evaluated, or the ids chosen up front for a part of a split), the Dice sums so far, the masks left
 * out and the prompt files being written. Written by the evaluation runner only, read by reports.
 */
final class EvaluationRun {

    final String id;
    final String model;
    final List<PromptKind> kinds;
    final MaskFilter filter;
    final long total;
    final Instant started;
    final @Nullable String owner;
    final String protocol;
    final @Nullable DataSplit split;
    final DataSplit.@Nullable Part part;
    /** A prompt file's prompts by mask file name, which replace the drawn ones; none to draw them. */
    final @Nullable Map<String, FramePrompt> promptFile;
    /** The masks of the part, chosen when the run started; none to walk the filter page by page. */
    final long @Nullable [] chosen;
    int chosenAt;
    volatile long done;
    volatile String state = "running";
    volatile @Nullable String error;
    /** The next page's cursor; null before the first page and after the last. */
    @Nullable String cursor;
    boolean lastPage;
    final Deque<MaskRecord> page = new ArrayDeque<>();
    private final Map<String, double[]> sums = new ConcurrentHashMap<>();
    private final Map<String, Long> skipped = new ConcurrentHashMap<>();
    private final Map<String, PromptFile> promptFiles = new LinkedHashMap<>();
    private final @Nullable Path promptFolder;

    EvaluationRun(String id, String model, List<PromptKind> kinds, MaskFilter filter, long total, Instant started,
                  @Nullable String owner, String protocol, @Nullable DataSplit split, DataSplit.@Nullable Part part,
                  @Nullable Map<String, FramePrompt> promptFile, long @Nullable [] chosen,
                  @Nullable Path promptFolder) {
        this.id = id;
        this.model = model;
        this.kinds = kinds;
        this.filter = filter;
        this.total = total;
        this.started = started;
        this.owner = owner;
        this.protocol = protocol;
        this.split = split;
        this.part = part;
        this.promptFile = promptFile;
        this.chosen = chosen;
        this.promptFolder = promptFolder;
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

    /** Counts a mask left out, and why. */
    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /** Adds a mask's prompts of one kind to that kind's prompt file (test.py's {@code --prompt_path} shape). */
    void prompted(PromptKind kind, String maskFileName, double[] box, FramePrompt points) {
        if (promptFolder == null) {
            return;
        }
        try {
            PromptFile file = promptFiles.get(kind.name());
            if (file == null) {
                file = new PromptFile(promptFile(kind.name()));
                promptFiles.put(kind.name(), file);
            }
            file.put(maskFileName, box, points);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the prompt file of " + kind.name(), e);
        }
    }

    /** Where a kind's prompt file is written. */
    Path promptFile(String kind) {
        if (promptFolder == null) {
            throw new IllegalStateException("this run writes no prompt files");
        }
        return promptFolder.resolve("prompts-" + kind + ".json");
    }

    /** Ends the run in {@code done} or {@code failed}, completing its prompt files first. */
    void finish(String finalState, @Nullable String failure) {
        for (PromptFile file : promptFiles.values()) {
            try {
                file.close();
            } catch (IOException e) {
                failure = failure == null ? "cannot complete a prompt file: " + e.getMessage() : failure;
                finalState = "failed";
            }
        }
        error = failure;
        state = finalState;
    }

    EvaluationReport report(Instant now) {
        Map<String, Map<String, Double>> means = new LinkedHashMap<>();
        Map<String, Long> counts = new TreeMap<>();
        String first = kinds.getFirst().name();
        for (PromptKind kind : kinds) {
            Map<String, Double> byGroup = new TreeMap<>();
            sums.forEach((key, sum) -> {
                String[] parts = key.split("\n", 2);
                if (parts[0].equals(kind.name())) {
                    byGroup.put(parts[1], sum[0] / sum[1]);
                    if (kind.name().equals(first)) {
                        counts.put(parts[1], (long) sum[1]);
                    }
                }
            });
            means.put(kind.name(), byGroup);
        }
        double seconds = Math.max(1e-3, Duration.between(started, now).toMillis() / 1000.0);
        List<String> files = state.equals("done") ? List.copyOf(promptFiles.keySet()) : List.of();
        return new EvaluationReport(id, state, model, kinds.stream().map(PromptKind::name).toList(), done, total,
                total == 0 ? 1 : (double) done / total, done / seconds, started, error, means, counts, protocol,
                split, part == null ? null : part.parameter(), new TreeMap<>(skipped), files);
    }
}
