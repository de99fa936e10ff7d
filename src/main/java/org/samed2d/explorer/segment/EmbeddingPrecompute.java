package org.samed2d.explorer.segment;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.Requester;
import org.samed2d.explorer.shared.ServerPaths;
import org.springframework.stereotype.Service;

/** Embeds the images of a filtered subset in the background, one job at a time, queueing behind interactive prompts. */
@Service
public class EmbeddingPrecompute {

    private final SearchService search;
    private final SegmentService segmentation;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("precompute").factory());

    EmbeddingPrecompute(SearchService search, SegmentService segmentation, Clock clock) {
        this.search = search;
        this.segmentation = segmentation;
        this.clock = clock;
    }

    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final String model;
        final long total;
        final Instant started;
        final @Nullable String owner;
        volatile long done;
        volatile long encoded;
        volatile String state = "running";
        volatile @Nullable String error;

        Job(String model, long total, Instant started, @Nullable String owner) {
            this.model = model;
            this.total = total;
            this.started = started;
            this.owner = owner;
        }

        PrecomputeReport report(Instant now) {
            double seconds = Math.max(1e-3, Duration.between(started, now).toMillis() / 1000.0);
            return new PrecomputeReport(id, state, model, done, total, encoded, total == 0 ? 1 : (double) done / total,
                    done / seconds, error);
        }
    }

    /** Starts embedding at most {@code limit} images with a matching mask, in id order, as {@code owner}'s job. */
    public PrecomputeReport start(MaskFilter filter, int limit, @Nullable String model, @Nullable String owner) {
        if (limit < 1 || limit > 1_000_000) {
            throw new InvalidPromptException("limit", "must be between 1 and 1000000, got " + limit);
        }
        String name = model == null ? segmentation.defaultModel() : model;
        if (!segmentation.models().contains(name)) {
            throw new InvalidPromptException("model", "no model named '" + name + "'; this server has "
                    + segmentation.models());
        }
        Job job = new Job(name, Math.min(limit, search.counts(filter).images()), clock.instant(), owner);
        jobs.put(job.id, job);
        runner.submit(() -> run(job, filter));
        return job.report(clock.instant());
    }

    /** A job's progress, for its owner and admins; empty for anyone else, as for an unknown id. */
    public Optional<PrecomputeReport> report(String id, Requester requester) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> requester.mayRead(job.owner))
                .map(job -> job.report(clock.instant()));
    }

    private void run(Job job, MaskFilter filter) {
        try {
            while (job.done < job.total) {
                var hits = search.imagesAt(filter, job.done, (int) Math.min(200, job.total - job.done));
                if (hits.isEmpty()) {
                    break;
                }
                for (ImagePage.ImageHit hit : hits) {
                    job.encoded += SegmentService.whenAdmitted(() -> segmentation.precompute(job.model, hit.imageId()))
                            ? 1 : 0;
                    job.done++;
                }
            }
            job.state = "done";
        } catch (RuntimeException e) {
            job.error = ServerPaths.hidden(e.getMessage());
            job.state = "failed";
        }
    }

    @PreDestroy
    void close() {
        runner.shutdownNow();
    }
}
