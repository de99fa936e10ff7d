package org.samed2d.explorer.segment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.samed2d.explorer.shared.DataRoot;
import org.samed2d.explorer.shared.DataSplit;
import org.samed2d.explorer.shared.Requester;
import org.samed2d.explorer.shared.ServerPaths;
import org.springframework.stereotype.Service;

/**
 * Evaluations on a filtered subset (or one part of a split of it), in the background with progress, by one of two
 * protocols: {@code whole-mask} (the default: a box of the whole mask, positive points inside it) or
 * {@code sam-med2d} (SAM-Med2D's test.py: prompts in its 256x256 frame, written as its prompt files and read from
 * them). Each prompt is scored by Dice against the mask, averaged overall and per modality, dataset and label.
 *
 * <p>One runner serves every run in turn, one mask at a time, so a long run slows the others down but never holds
 * them back: each of N running evaluations gets about 1/N of the runner.
 */
@Service
public class EvaluationService {

    /** The whole-mask protocol's prompt kinds; {@link PromptKind} has the sam-med2d protocol's. */
    public static final List<String> PROMPTS = List.of("box", "1point", "3points");
    /** Evaluations that may be running at once on this instance, whoever started them. */
    static final int MAX_RUNNING = 8;

    private final SearchService search;
    private final CatalogLookup catalog;
    private final Clock clock;
    private final Path folder;
    private final Map<String, EvaluationProtocol> protocols;
    private final Map<String, EvaluationRun> runs = new ConcurrentHashMap<>();
    /** Running evaluations, the next to take a step first; a run goes to the back after each step. */
    private final BlockingDeque<EvaluationRun> turns = new LinkedBlockingDeque<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("evaluation").factory());
    private final SegmentService segmentation;

    EvaluationService(SearchService search, CatalogLookup catalog, MediaService media, SegmentService segmentation,
                      Clock clock, DataRoot dataRoot) {
        this.search = search;
        this.catalog = catalog;
        this.segmentation = segmentation;
        this.clock = clock;
        this.folder = dataRoot.resolve("evaluations");
        this.protocols = Map.of(EvaluationRequest.WHOLE_MASK, new WholeMaskProtocol(segmentation, media),
                EvaluationRequest.SAM_MED2D, new SamMed2dProtocol(segmentation, media));
        runner.submit(this::serve);
    }

    /** Starts a run for the command line: no account, no quota. */
    public EvaluationReport start(MaskFilter filter, int limit, List<String> prompts, @Nullable String model) {
        return start(EvaluationRequest.of(filter, limit, prompts, model), null, EvaluationQuota.NONE);
    }

    /** As {@link #start(EvaluationRequest, String, EvaluationQuota)}, a whole-mask run over the filter. */
    public EvaluationReport start(MaskFilter filter, int limit, List<String> prompts, @Nullable String model,
                                  @Nullable String owner, EvaluationQuota quota) {
        return start(EvaluationRequest.of(filter, limit, prompts, model), owner, quota);
    }

    /**
     * Starts a run over at most {@code limit} matching masks (in id order; with a split, of its part) as
     * {@code owner}'s, once {@code quota} has seen how many of the owner's runs are going and charged the decoder
     * runs this one will make (masks times the kinds' costs); returns its first report. With a part, the masks are
     * chosen now, walking the filter until {@code limit} of them are found.
     */
    public EvaluationReport start(EvaluationRequest request, @Nullable String owner, EvaluationQuota quota) {
        int limit = request.limit();
        if (limit < 1 || limit > 100_000) {
            throw new InvalidPromptException("limit", "must be between 1 and 100000, got " + limit);
        }
        String protocol = request.protocol() == null ? EvaluationRequest.WHOLE_MASK : request.protocol();
        if (!protocols.containsKey(protocol)) {
            throw new InvalidPromptException("protocol", "must be " + EvaluationRequest.WHOLE_MASK + " or "
                    + EvaluationRequest.SAM_MED2D + ", got '" + protocol + "'");
        }
        boolean samMed2d = protocol.equals(EvaluationRequest.SAM_MED2D);
        if (request.promptFile() != null && !samMed2d) {
            throw new InvalidPromptException("promptFile", "only the sam-med2d protocol reads prompt files");
        }
        Map<String, FramePrompt> promptFile = request.promptFile() == null ? null
                : PromptFile.parse(request.promptFile());
        if (request.prompts().isEmpty()) {
            throw new InvalidPromptException("prompts", "choose at least one prompt kind");
        }
        List<PromptKind> kinds = new ArrayList<>();
        for (String name : request.prompts()) {
            PromptKind kind = PromptKind.of(name, samMed2d, promptFile != null);
            if (kinds.stream().anyMatch(k -> k.name().equals(name))) {
                throw new InvalidPromptException("prompts", "'" + name + "' is asked for twice");
            }
            kinds.add(kind);
        }
        DataSplit.Part part = part(request);
        String modelName = request.model() == null ? segmentation.defaultModel() : request.model();
        if (!segmentation.models().contains(modelName)) {
            throw new InvalidPromptException("model", "no model named '" + modelName + "'; this server has "
                    + segmentation.models());
        }
        long[] chosen = part == null ? null : chosen(request.filter(), request.split(), part, limit);
        long total = chosen != null ? chosen.length : Math.min(limit, search.counts(request.filter()).masks());
        String id = UUID.randomUUID().toString();
        EvaluationRun run = new EvaluationRun(id, modelName, List.copyOf(kinds), request.filter(), total,
                clock.instant(), owner, protocol, request.split(), part, promptFile, chosen,
                samMed2d ? folder.resolve(id) : null);
        synchronized (runs) {
            long running = runs.values().stream().filter(EvaluationRun::active).count();
            if (running >= MAX_RUNNING) {
                throw new SegmentationBusyException(running + " evaluations are running; start this one later",
                        Duration.ofSeconds(60));
            }
            quota.charge(runs.values().stream().filter(earlier -> earlier.active()
                    && owner != null && owner.equals(earlier.owner)).count(),
                    total * kinds.stream().mapToInt(PromptKind::cost).sum());
            runs.put(run.id, run);
            turns.addLast(run);
        }
        return run.report(clock.instant());
    }

    private static DataSplit.@Nullable Part part(EvaluationRequest request) {
        if (request.part() == null && request.split() == null) {
            return null;
        }
        if (request.part() == null) {
            throw new InvalidPromptException("part", "a split needs the part to evaluate: train, val or test");
        }
        if (request.split() == null) {
            throw new InvalidPromptException("split", "part " + request.part() + " of which split? Give the split"
                    + " the export used");
        }
        return DataSplit.Part.of(request.part());
    }

    /** The first {@code limit} matching masks, in id order, whose image lies in the part. */
    private long[] chosen(MaskFilter filter, DataSplit split, DataSplit.Part part, int limit) {
        DataSplit.Assignment assignment = split.assignment(catalog.splitUnits(split.byImage()));
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            MaskPage page = search.masks(filter, MaskSort.ID, 2000, cursor);
            for (MaskRecord mask : catalog.masks(page.ids())) {
                if (ids.size() < limit && assignment.part(mask.dataset(), mask.caseName(), mask.imageFile()) == part) {
                    ids.add(mask.id());
                }
            }
            cursor = page.next();
        } while (cursor != null && ids.size() < limit);
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** A run's report, for its owner and admins; empty for anyone else, as for an unknown id. */
    public Optional<EvaluationReport> report(String id, Requester requester) {
        return Optional.ofNullable(runs.get(id)).filter(run -> requester.mayRead(run.owner))
                .map(run -> run.report(clock.instant()));
    }

    /**
     * A finished sam-med2d run's prompt file of one kind, in test.py's {@code --prompt_path} shape; empty for an
     * unknown run or kind, or someone else's run.
     *
     * @throws InvalidPromptException naming {@code id} while the run is still going
     */
    public Optional<Path> promptFile(String id, String kind, Requester requester) {
        EvaluationRun run = runs.get(id);
        if (run == null || !requester.mayRead(run.owner)) {
            return Optional.empty();
        }
        if (run.active()) {
            throw new InvalidPromptException("id", "evaluation " + id + " is still running; its prompt files are"
                    + " complete once it is done");
        }
        return run.report(clock.instant()).promptFiles().contains(kind) ? Optional.of(run.promptFile(kind))
                .filter(Files::isRegularFile) : Optional.empty();
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
                run.finish("failed", ServerPaths.hidden(e.getMessage())); // the owner reads it; the log has paths
            }
            if (run.active()) {
                turns.addLast(run);
            }
        }
    }

    /** Evaluates the run's next mask, reading the next page of masks when the current one is used up. */
    private void step(EvaluationRun run) {
        if (run.page.isEmpty() && !run.lastPage && run.done < run.total) {
            if (run.chosen != null) {
                int end = Math.min(run.chosen.length, run.chosenAt + 500);
                List<Long> ids = new ArrayList<>();
                for (int i = run.chosenAt; i < end; i++) {
                    ids.add(run.chosen[i]);
                }
                run.page.addAll(catalog.masks(ids));
                run.chosenAt = end;
                run.lastPage = end == run.chosen.length;
            } else {
                MaskPage page = search.masks(run.filter, MaskSort.ID, (int) Math.min(500, run.total - run.done),
                        run.cursor);
                run.page.addAll(catalog.masks(page.ids()));
                run.cursor = page.next();
                run.lastPage = run.cursor == null;
            }
        }
        MaskRecord mask = run.page.pollFirst();
        if (mask == null || run.done >= run.total) {
            run.finish("done", null);
            return;
        }
        protocols.get(run.protocol).evaluate(run, mask);
        run.done++;
        if (run.done >= run.total) {
            run.finish("done", null);
        }
    }

    @PreDestroy
    void close() {
        runner.shutdownNow();
    }
}
