package org.samed2d.explorer.segment;

import org.samed2d.explorer.shared.BinaryMask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskPage;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.search.SearchService;
import org.springframework.stereotype.Service;

/**
 * The SAM-Med2D evaluation protocol on a filtered subset, in the background with progress: for each ground-truth
 * mask, a box from its bounding box, and optionally 1 and 3 positive points drawn inside it (seeded by the mask id,
 * so a run repeats exactly), each scored by Dice against the mask.
 */
@Service
public class EvaluationService {

    public static final List<String> PROMPTS = List.of("box", "1point", "3points");

    private final SearchService search;
    private final CatalogLookup catalog;
    private final MediaService media;
    private final SegmentService segmentation;
    private final Clock clock;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    /** Evaluations that may be running or waiting at once on this instance. */
    static final int MAX_WAITING = 4;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("evaluation").factory());

    EvaluationService(SearchService search, CatalogLookup catalog, MediaService media, SegmentService segmentation,
                      Clock clock) {
        this.search = search;
        this.catalog = catalog;
        this.media = media;
        this.segmentation = segmentation;
        this.clock = clock;
    }

    /** Starts a run over at most {@code limit} matching masks (in id order) and returns its first report. */
    public EvaluationReport start(MaskFilter filter, int limit, List<String> prompts, @Nullable String model) {
        if (limit < 1 || limit > 100_000) {
            throw new InvalidPromptException("limit", "must be between 1 and 100000, got " + limit);
        }
        if (prompts.isEmpty() || !PROMPTS.containsAll(prompts)) {
            throw new InvalidPromptException("prompts", "choose from " + PROMPTS + ", got " + prompts);
        }
        String modelName = model == null ? segmentation.defaultModel() : model;
        if (!segmentation.models().contains(modelName)) {
            throw new InvalidPromptException("model", "no model named '" + modelName + "'; this server has "
                    + segmentation.models());
        }
        long waiting = runs.values().stream().filter(earlier -> earlier.state.equals("running")).count();
        if (waiting >= MAX_WAITING) {
            // runs go one at a time; an unbounded backlog would hold every later user's run for hours
            throw new SegmentationBusyException(waiting + " evaluations are running or waiting; start this one later",
                    java.time.Duration.ofSeconds(60));
        }
        long total = Math.min(limit, search.counts(filter).masks());
        Run run = new Run(UUID.randomUUID().toString(), modelName, List.copyOf(prompts), total, clock.instant());
        runs.put(run.id, run);
        runner.submit(() -> execute(run, filter));
        return run.report(clock.instant());
    }

    public Optional<EvaluationReport> report(String id) {
        return Optional.ofNullable(runs.get(id)).map(run -> run.report(clock.instant()));
    }

    private void execute(Run run, MaskFilter filter) {
        try {
            String cursor = null;
            do {
                MaskPage page = search.masks(filter, MaskSort.ID, (int) Math.min(500, run.total - run.done), cursor);
                for (MaskRecord mask : catalog.masks(page.ids())) {
                    if (run.done >= run.total) {
                        break;
                    }
                    evaluate(run, mask);
                    run.done++;
                }
                cursor = page.next();
            } while (cursor != null && run.done < run.total);
            run.state = "done";
        } catch (RuntimeException e) {
            run.error = e.getMessage();
            run.state = "failed";
        }
    }

    private void evaluate(Run run, MaskRecord mask) {
        MaskRecord.Geometry geometry = mask.geometry();
        if (geometry == null) {
            return; // not measured yet: no box to take
        }
        int[] box = {geometry.x0(), geometry.y0(), geometry.x1(), geometry.y1()};
        for (String prompt : run.prompts) {
            List<SegmentRequest.Point> points = prompt.equals("box") ? null
                    : pointsInside(mask, prompt.equals("1point") ? 1 : 3);
            SegmentRequest request = new SegmentRequest(mask.imageId(), prompt.equals("box") ? box : null, points,
                    null, mask.id(), run.model);
            run.add(prompt, mask, SegmentService.whenAdmitted(() -> segmentation.segment(request)).dice());
        }
    }

    /** Positive points on pixels of the mask, drawn with a seed from the mask id. */
    private List<SegmentRequest.Point> pointsInside(MaskRecord mask, int count) {
        BinaryMask truth;
        try {
            truth = BinaryMask.ofImage(ImageInput.decode(media.mask(mask.id()).orElseThrow().bytes()));
        } catch (java.io.IOException e) {
            throw new MediaService.UnreadableFileException("mask " + mask.id() + ": " + e.getMessage(), e);
        }
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

    @PreDestroy
    void close() {
        runner.shutdownNow();
    }

    /** One run's mutable state; written by the runner thread only, read by reports. */
    private static final class Run {
        final String id;
        final String model;
        final List<String> prompts;
        final long total;
        final Instant started;
        volatile long done;
        volatile String state = "running";
        volatile @Nullable String error;
        private final Map<String, double[]> sums = new ConcurrentHashMap<>();

        Run(String id, String model, List<String> prompts, long total, Instant started) {
            this.id = id;
            this.model = model;
            this.prompts = prompts;
            this.total = total;
            this.started = started;
        }

        void add(String prompt, MaskRecord mask, @Nullable Double dice) {
            if (dice == null) {
                return;
            }
            for (String group : List.of("overall", "modality:" + mask.baseModality(), "dataset:" + mask.dataset(),
                    "label:" + mask.label())) {
                sums.computeIfAbsent(prompt + "\n" + group, k -> new double[2]);
                double[] sum = sums.get(prompt + "\n" + group);
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
}
