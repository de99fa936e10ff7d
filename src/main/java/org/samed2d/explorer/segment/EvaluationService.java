package org.samed2d.explorer.segment;

import org.samed2d.explorer.shared.BinaryMask;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
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
import org.samed2d.explorer.shared.Requester;
import org.samed2d.explorer.shared.ServerPaths;
import org.springframework.stereotype.Service;

/**
 * The SAM-Med2D evaluation protocol on a filtered subset, in the background with progress: for each ground-truth
 * mask, a box from its bounding box, and optionally 1 and 3 positive points drawn inside it (seeded by the mask id,
 * so a run repeats exactly), each scored by Dice against the mask.
 *
 * <p>One runner serves every run in turn, one mask at a time, so a long run slows the others down but never holds
 * them back: each of N running evaluations gets about 1/N of the runner.
 */
@Service
public class EvaluationService {

    public static final List<String> PROMPTS = List.of("box", "1point", "3points");
    /** Evaluations that may be running at once on this instance, whoever started them. */
    static final int MAX_RUNNING = 8;

    private final SearchService search;
    private final CatalogLookup catalog;
    private final MediaService media;
    private final SegmentService segmentation;
    private final Clock clock;
    private final Map<String, EvaluationRun> runs = new ConcurrentHashMap<>();
    /** Running evaluations, the next to take a step first; a run goes to the back after each step. */
    private final BlockingDeque<EvaluationRun> turns = new LinkedBlockingDeque<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("evaluation").factory());

    EvaluationService(SearchService search, CatalogLookup catalog, MediaService media, SegmentService segmentation,
                      Clock clock) {
        this.search = search;
        this.catalog = catalog;
        this.media = media;
        this.segmentation = segmentation;
        this.clock = clock;
        runner.submit(this::serve);
    }

    /** Starts a run for the command line: no account, no quota. */
    public EvaluationReport start(MaskFilter filter, int limit, List<String> prompts, @Nullable String model) {
        return start(filter, limit, prompts, model, null, EvaluationQuota.NONE);
    }

    /**
     * Starts a run over at most {@code limit} matching masks (in id order) as {@code owner}'s, once {@code quota}
     * has seen how many of the owner's runs are going and charged the prompts this one will make; returns its first
     * report.
     */
    public EvaluationReport start(MaskFilter filter, int limit, List<String> prompts, @Nullable String model,
                                  @Nullable String owner, EvaluationQuota quota) {
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
        long total = Math.min(limit, search.counts(filter).masks());
        EvaluationRun run = new EvaluationRun(UUID.randomUUID().toString(), modelName, List.copyOf(prompts), filter,
                total, clock.instant(), owner);
        synchronized (runs) {
            long running = runs.values().stream().filter(EvaluationRun::active).count();
            if (running >= MAX_RUNNING) {
                throw new SegmentationBusyException(running + " evaluations are running; start this one later",
                        Duration.ofSeconds(60));
            }
            quota.charge(runs.values().stream().filter(earlier -> earlier.active()
                    && owner != null && owner.equals(earlier.owner)).count(), total * prompts.size());
            runs.put(run.id, run);
            turns.addLast(run);
        }
        return run.report(clock.instant());
    }

    /** A run's report, for its owner and admins; empty for anyone else, as for an unknown id. */
    public Optional<EvaluationReport> report(String id, Requester requester) {
        return Optional.ofNullable(runs.get(id)).filter(run -> requester.mayRead(run.owner))
                .map(run -> run.report(clock.instant()));
    }

    /** The runner: one step of the run whose turn it is, then that run goes to the back. */
    private void serve() {
        while (!Thread.currentThread().isInterrupted()) {
            EvaluationRun run;
            try {
                run = turns.takeFirst();
            } catch (InterruptedException e) {
                return;
            }
            try {
                step(run);
            } catch (RuntimeException e) {
                run.error = ServerPaths.hidden(e.getMessage()); // the owner reads it; the log has paths
                run.state = "failed";
            }
            if (run.active()) {
                turns.addLast(run);
            }
        }
    }

    /** Evaluates the run's next mask, reading the next page of matching masks when the current one is used up. */
    private void step(EvaluationRun run) {
        if (run.page.isEmpty() && !run.lastPage && run.done < run.total) {
            MaskPage page = search.masks(run.filter, MaskSort.ID, (int) Math.min(500, run.total - run.done), run.cursor);
            run.page.addAll(catalog.masks(page.ids()));
            run.cursor = page.next();
            run.lastPage = run.cursor == null;
        }
        MaskRecord mask = run.page.pollFirst();
        if (mask == null || run.done >= run.total) {
            run.state = "done";
            return;
        }
        evaluate(run, mask);
        run.done++;
        if (run.done >= run.total) {
            run.state = "done";
        }
    }

    private void evaluate(EvaluationRun run, MaskRecord mask) {
        MaskRecord.Geometry geometry = mask.geometry();
        if (geometry == null) {
            return; // not measured yet: no box to take
        }
        // the bbox names the mask's first and last pixels; a box prompt's far edges lie one past the last pixel
        int[] box = {geometry.x0(), geometry.y0(), geometry.x1() + 1, geometry.y1() + 1};
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
}
