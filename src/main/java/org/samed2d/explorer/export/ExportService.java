package org.samed2d.explorer.export;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogFeed;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.JobLocks;
import org.samed2d.explorer.catalog.SourceDatasets;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.DataRoot;
import org.samed2d.explorer.shared.QuotaExceededException;
import org.samed2d.explorer.shared.ServerPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports of a filtered subset. Starting one plans it in the background (a few run at once, the rest queue); once
 * planned it can be downloaded, whole or by byte range, as often as wanted. Exports live under
 * {@code DATA_DIR/exports/ID/}; one interrupted by a stop is marked failed on the next start and can be restarted.
 */
@Service
public class ExportService implements io.micrometer.core.instrument.binder.MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ExportService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SearchService search;
    private final CatalogLookup catalog;
    private final CatalogFeed feed;
    private final MediaService media;
    private final SourceDatasets sources;
    private final ExportPlanner planner;
    private final Clock clock;
    private final Path root;
    private final ExecutorService workers;
    /** Reads files for plans and downloads, many at once: their opens, not one thread, set the pace. */
    private final ExecutorService readers;
    private final Map<String, ExportRecord> records = new ConcurrentHashMap<>();
    private final boolean recoverOnStart;
    /**
     * How long starting an export waits for its size (a walk of the catalog, no file read), so that the answer carries
     * it; small subsets are fully planned by then.
     */
    private static final Duration SIZE_WAIT = Duration.ofSeconds(20);
    private static final Duration PLAN_WAIT = Duration.ofSeconds(2);
    /** Exports being sized: starting one waits on its entry. */
    private final Map<String, CompletableFuture<Void>> sizing = new ConcurrentHashMap<>();
    /** The quota each export being prepared here answers to once its size is known. */
    private final Map<String, ExportQuota> quotas = new ConcurrentHashMap<>();
    private final JobLocks jobLocks;
    /** Exports this instance has queued or is preparing; others' records are read again from the shared folder. */
    private final Set<String> local = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong bytesServed = new java.util.concurrent.atomic.AtomicLong();

    ExportService(SearchService search, CatalogLookup catalog, CatalogFeed feed, MediaService media,
                  SourceDatasets sources, DataRoot dataRoot, Clock clock,
                  @Value("${explorer.export.concurrent:2}") int concurrent,
                  @Value("${explorer.export.recover-on-start:true}") boolean recoverOnStart,
                  @Value("${explorer.export.dir:}") String exportDir,
                  @Value("${explorer.export.read-threads:8}") int readThreads, JobLocks jobLocks) {
        this.jobLocks = jobLocks;
        this.recoverOnStart = recoverOnStart;
        this.search = search;
        this.catalog = catalog;
        this.feed = feed;
        this.media = media;
        this.sources = sources;
        this.clock = clock;
        this.planner = new ExportPlanner(search, catalog, media, new LicenceFiles(sources));
        // several instances share exports through one folder (a shared volume), each instance preparing its own
        this.root = exportDir.isBlank() ? dataRoot.resolve("exports") : Path.of(exportDir).toAbsolutePath().normalize();
        this.workers = Executors.newFixedThreadPool(Math.max(1, concurrent),
                Thread.ofPlatform().daemon().name("export-", 0).factory());
        this.readers = Executors.newFixedThreadPool(Math.max(1, readThreads),
                Thread.ofPlatform().daemon().name("export-read-", 0).factory());
        load();
    }

    /** Starts an export for no particular account (the command line); no quota applies. */
    public ExportRecord start(Map<String, List<String>> filterParameters, String format, boolean includeRestricted) {
        return start(ExportRequest.of(filterParameters, format, includeRestricted), null, ExportQuota.NONE);
    }

    /** As {@link #start(ExportRequest, String, ExportQuota)}, for an export of the whole subset as one. */
    public ExportRecord start(Map<String, List<String>> filterParameters, String format, boolean includeRestricted,
                              @Nullable String owner, ExportQuota quota) {
        return start(ExportRequest.of(filterParameters, format, includeRestricted), owner, quota);
    }

    /**
     * Starts an export of the masks matching the filter; sources that may not be redistributed are left out unless
     * asked for. The owner's quota sees how many of their exports are being prepared and how many bytes they
     * exported since midnight UTC, first before anything is queued and again with this export's own size, which
     * the answer waits for (up to 20 s; a larger subset is checked as soon as its size is known, and fails then
     * if it is over the quota).
     */
    public ExportRecord start(ExportRequest request, @Nullable String owner, ExportQuota quota) {
        return start(request, owner, quota, true);
    }

    /**
     * Starts an export for {@link #writeWhilePlanned} ({@code export --out}, an administrator's command): no owner, no
     * quota, and no wait for its size, since the file being written needs none up front.
     */
    public ExportRecord startForWriting(ExportRequest request) {
        return start(request, null, ExportQuota.NONE, false);
    }

    private ExportRecord start(ExportRequest request, @Nullable String owner, ExportQuota quota, boolean waitForSize) {
        String format = request.format();
        ExportFormat chosen = ExportFormat.ofParameter(format).orElseThrow(() -> new ExportRejectedException("format",
                "'" + format + "' is not one of " + String.join(", ",
                        Stream.of(ExportFormat.values()).map(ExportFormat::parameter).toList())));
        String pathPrefix = request.checkedPathPrefix(chosen);
        String categories = request.checkedCategories(chosen);
        MaskFilter filter = FilterParser.parse(request.filter(), Set.of());
        boolean includeRestricted = request.includeRestricted();
        List<String> excluded = new ArrayList<>();
        MaskFilter effective = includeRestricted ? filter : withoutRestricted(filter, excluded);
        var counts = search.counts(effective);
        if (counts.masks() == 0) {
            throw new ExportRejectedException("filter", "no mask matches it" + (excluded.isEmpty() ? ""
                    : " once datasets that may not be redistributed are left out (" + String.join(", ", excluded)
                    + "); ask for them with includeRestricted"));
        }
        Map<String, List<String>> parameters = FilterParser.toParameters(effective);
        long catalogVersion = feed.latestChange();
        Instant now = clock.instant();
        ExportRecord fresh = new ExportRecord(UUID.randomUUID().toString(), chosen.parameter(), "queued",
                counts.masks(), counts.images(), null, 0, null, now, null, parameters, includeRestricted,
                List.copyOf(excluded), catalogVersion, owner, now, request.split(), pathPrefix, categories);
        // the same request on the same catalog gives the same archive, creation time in manifest.json included
        ExportRecord record = fresh.stamped(records.values().stream().filter(r -> r.sameContentAs(fresh))
                .map(ExportRecord::stampedAt).min(Comparator.naturalOrder()).orElse(now));
        synchronized (records) {
            if (owner != null) {
                quota.check(usage(owner, record.id()), 0);
            }
            save(record);
        }
        return launch(record.id(), owner == null ? ExportQuota.NONE : quota, true, waitForSize);
    }

    /** The owner's other exports as the quota counts them. */
    private ExportQuota.Usage usage(String owner, String exceptId) {
        return ExportQuota.Usage.of(records.values(), owner, exceptId, clock.instant().truncatedTo(ChronoUnit.DAYS));
    }

    /**
     * Queues the export's preparation and waits a while for its size, so that the answer carries it; an export the
     * quota refuses once its size is known is answered with the refusal, and a new one is forgotten again.
     */
    private ExportRecord launch(String id, ExportQuota quota, boolean forgetIfRefused, boolean waitForSize) {
        local.add(id);
        quotas.put(id, quota);
        CompletableFuture<Void> sized = new CompletableFuture<>();
        sizing.put(id, sized);
        Future<?> planned = workers.submit(() -> run(id));
        if (!waitForSize) {
            sizing.remove(id);
            return records.get(id);
        }
        try {
            sized.get(SIZE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            planned.get(PLAN_WAIT.toMillis(), TimeUnit.MILLISECONDS); // small subsets are ready by then
        } catch (TimeoutException e) {
            // every worker is busy, or the subset is huge: the size appears in the record as soon as it is known
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QuotaExceededException refused) {
                if (forgetIfRefused) {
                    forget(id);
                }
                throw refused;
            }
            log.warn("Export {} failed: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sizing.remove(id);
        }
        return records.get(id);
    }

    private void forget(String id) {
        records.remove(id);
        org.springframework.util.FileSystemUtils.deleteRecursively(folder(id).toFile());
    }

    public Optional<ExportRecord> get(String id) {
        ExportRecord known = records.get(id);
        if (known == null || (!local.contains(id) && !finished(known))) {
            if (!id.matches("[0-9a-f-]{36}")) {
                return Optional.empty();
            }
            read(root.resolve(id).resolve("export.json")); // started or being prepared by another instance
        }
        return Optional.ofNullable(records.get(id));
    }

    private static boolean finished(ExportRecord record) {
        return record.state().equals("done") || record.state().equals("failed");
    }

    /** Every export, newest first. */
    public List<ExportRecord> list() {
        load();
        return records.values().stream().sorted(Comparator.comparing(ExportRecord::created).reversed()).toList();
    }

    /** Plans a failed export again with the same filter and format, within its owner's quota. */
    public ExportRecord restart(String id, ExportQuota quota) {
        ExportRecord record = get(id).orElseThrow(() -> new ExportRejectedException("id", "no export " + id));
        synchronized (records) {
            if (!record.state().equals("failed")) {
                throw new ExportRejectedException("id", "export " + id + " is " + record.state()
                        + "; only a failed one restarts");
            }
            if (record.owner() != null) {
                quota.check(usage(record.owner(), id), 0);
            }
            save(record.with("queued", 0, null, null, null));
        }
        return launch(id, record.owner() == null ? ExportQuota.NONE : quota, false, true);
    }

    /** Exports being prepared here and archive bytes served, for Prometheus. */
    @Override
    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("explorer.exports.preparing", local, Set::size)
                .description("exports queued or being prepared on this instance").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("explorer.exports.served", bytesServed,
                java.util.concurrent.atomic.AtomicLong::get).baseUnit("bytes")
                .description("archive bytes sent to downloads").register(registry);
    }

    /** Writes bytes {@code [from, to]} of a planned export's archive. */
    public void download(String id, long from, long to, OutputStream out) throws IOException {
        ExportRecord record = get(id).orElseThrow(() -> new ExportRejectedException("id", "no export " + id));
        if (!record.state().equals("done")) {
            throw new ExportRejectedException("id", "export " + id + " is " + record.state() + ", not ready to download");
        }
        Path folder = folder(id);
        bytesServed.addAndGet(to - from + 1);
        try {
            ArchiveStreamer.write(folder.resolve("plan.tsv"), from, to, out, new CataloguedFiles(media, folder),
                    readers);
        } catch (MediaService.UnreadableFileException e) {
            // the archive cannot be completed: say so where the owner looks, and stop the download short of its length
            log.warn("Export {} cannot be downloaded: {}", id, e.getMessage());
            synchronized (records) {
                save(records.get(id).with("failed", 1, null, null, ServerPaths.hidden(e.getMessage())));
            }
            throw new IOException(ServerPaths.hidden(e.getMessage()), e);
        }
    }

    /**
     * Writes the whole archive of an export that may still be being prepared into a file, from the start
     * ({@code export --out}): many entries at once, each at its planned offset ({@link ParallelArchiveWriter}). From a
     * catalog with folder releases each entry is written as soon as the plan has it, so that preparing hides behind
     * the file opens; from archives only, once prepared, since their long sequential reads ran slower beside the
     * walk. Returns false, having written part of the archive, when the plan holds a file whose CRC must first be
     * read from it (catalogued before the catalog kept CRCs); the caller then starts again with {@link #download}
     * once the export is done. Fails as the export does when preparing it fails.
     */
    public boolean writeWhilePlanned(String id, FileChannel target) throws IOException, InterruptedException {
        Path plan = folder(id).resolve("plan.tsv");
        boolean following = catalog.anyFolderSource();
        if (!following) {
            awaitPrepared(id);
            whenPreparingFailed(id, true);
        }
        try {
            ParallelArchiveWriter.write(following
                    ? PlanEntries.following(plan, () -> get(id).map(record -> !record.preparing()).orElse(true))
                    : PlanEntries.open(plan), plan, target, new CataloguedFiles(media, folder(id)), readers);
        } catch (ArchiveStreamer.CrcPendingException e) {
            return false;
        } catch (MediaService.UnreadableFileException e) {
            whenPreparingFailed(id, false);
            throw new IOException(ServerPaths.hidden(e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            whenPreparingFailed(id, false);
            throw e;
        }
        whenPreparingFailed(id, true);
        return true;
    }

    /** The export once it is no longer being prepared (done or failed), polled every 50 ms. */
    public ExportRecord awaitPrepared(String id) throws InterruptedException {
        ExportRecord record = get(id).orElseThrow(() -> new ExportRejectedException("id", "no export " + id));
        while (record.preparing()) {
            Thread.sleep(50);
            record = get(id).orElseThrow();
        }
        return record;
    }

    /**
     * A walk that failed leaves a plan cut short (or none): says why instead of handing out what was written; with
     * {@code orUnfinished}, also when the export is not done at all.
     */
    private void whenPreparingFailed(String id, boolean orUnfinished) throws IOException {
        ExportRecord record = get(id).orElseThrow(() -> new ExportRejectedException("id", "no export " + id));
        if (record.state().equals("failed") || orUnfinished && !record.state().equals("done")) {
            throw new IOException("export " + id + " is " + record.state()
                    + (record.error() == null ? "" : ": " + record.error()));
        }
    }

    private MaskFilter withoutRestricted(MaskFilter filter, List<String> excluded) {
        FacetCounts facets = search.facets(filter);
        Set<String> chosen = filter.chosen(FacetDimension.DATASET);
        SortedSet<String> allowed = new TreeSet<>();
        facets.values().get(FacetDimension.DATASET).forEach((dataset, masks) -> {
            if (masks > 0 && (chosen.isEmpty() || chosen.contains(dataset))) {
                if (sources.of(dataset).map(s -> s.redistributable().equals("no")).orElse(false)) {
                    excluded.add(dataset);
                } else {
                    allowed.add(dataset);
                }
            }
        });
        if (excluded.isEmpty()) {
            return filter;
        }
        if (allowed.isEmpty()) {
            throw new ExportRejectedException("filter", "every matching mask comes from a dataset that may not be "
                    + "redistributed (" + String.join(", ", excluded) + "); ask for them with includeRestricted");
        }
        Map<FacetDimension, SortedSet<String>> values = new EnumMap<>(FacetDimension.class);
        values.putAll(filter.values());
        values.put(FacetDimension.DATASET, allowed);
        return new MaskFilter(values, filter.area(), filter.width(), filter.height(), filter.areaFraction(), filter.text());
    }

    private void run(String id) {
        Optional<JobLocks.Lease> lease = jobLocks.tryLock(lockName(id));
        if (lease.isEmpty()) {
            local.remove(id); // another instance is preparing it already
            quotas.remove(id);
            return;
        }
        ExportRecord record = records.get(id);
        Instant started = clock.instant();
        save(record.with("running", 0, null, null, null));
        try (JobLocks.Lease held = lease.get()) {
            Path folder = folder(id);
            MaskFilter filter = FilterParser.parse(record.filter(), Set.of());
            ExportFormat format = ExportFormat.ofParameter(record.format()).orElseThrow();
            // the length before any file is read, so the user knows what is coming: a walk that reads files (the
            // manifest's digests, COCO's RLE) is preceded by one of the catalog alone
            OptionalLong size = ExportPlanner.readsFiles(format)
                    ? planner.size(record, filter, folder.resolve("sizing")) : OptionalLong.empty();
            if (size.isPresent()) {
                sizedWithin(id, size.getAsLong(), started);
            }
            if (ExportPlanner.readsFiles(format)) {
                sized(id);
            }
            java.util.function.DoubleConsumer progress = fraction -> {
                long elapsed = Duration.between(started, clock.instant()).toSeconds();
                Long eta = fraction > 0.01 ? (long) (elapsed * (1 - fraction) / fraction) : null;
                records.computeIfPresent(id, (key, current) -> current.with("running", fraction, eta,
                        current.bytes(), null));
            };
            ExportPlanner.Planned planned = planner.plan(record, filter, folder, progress);
            long bytes = planned.bytes();
            if (!ExportPlanner.readsFiles(format)) {
                sizedWithin(id, bytes, started); // this walk read no file: it ends as soon as a sizing walk would
                size = OptionalLong.of(bytes);
                sized(id);
            }
            if (planned.pendingCrcs() > 0) {
                PendingCrcs.fill(folder.resolve("plan.tsv"), planned.pendingCrcs(), new CataloguedFiles(media, folder),
                        readers, fraction -> progress.accept(0.25 + 0.75 * fraction));
            }
            if (size.isPresent()) {
                save(records.get(id).with("done", 1, 0L, bytes, null));
            } else {
                withinQuota(id, bytes, "done"); // sized only now: it held the rest of the day's quota until here
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Export {} failed: {}", id, e.getMessage());
            // the owner reads this: the release's place on the server stays in the log
            save(records.get(id).with("failed", records.get(id).progress(), null, null,
                    ServerPaths.hidden(e.getMessage())));
            if (e instanceof QuotaExceededException refused) {
                sizing.getOrDefault(id, new CompletableFuture<>()).completeExceptionally(refused);
            }
        } finally {
            sized(id);
            local.remove(id);
            quotas.remove(id);
        }
    }

    private void sizedWithin(String id, long bytes, Instant started) {
        withinQuota(id, bytes, "running");
        log.info("Export {}: {} masks, {} bytes, sized in {} ms", id, records.get(id).masks(), bytes,
                Duration.between(started, clock.instant()).toMillis());
    }

    /** Records the export's size in the state given, once its owner's quota has seen it; throws when refused. */
    private void withinQuota(String id, long bytes, String state) {
        synchronized (records) {
            ExportRecord current = records.get(id);
            if (current.owner() != null) {
                quotas.getOrDefault(id, ExportQuota.NONE).check(usage(current.owner(), id), bytes);
            }
            save(current.with(state, state.equals("done") ? 1 : 0, state.equals("done") ? 0L : null, bytes, null));
        }
    }

    private void sized(String id) {
        CompletableFuture<Void> waiting = sizing.get(id);
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    private static String lockName(String id) {
        return "explorer-export:" + id;
    }

    private Path folder(String id) {
        if (!id.matches("[0-9a-f-]{36}")) {
            throw new ExportRejectedException("id", "not an export id: " + id);
        }
        return root.resolve(id);
    }

    private void save(ExportRecord record) {
        records.put(record.id(), record);
        try {
            Path folder = folder(record.id());
            Files.createDirectories(folder);
            Path partial = folder.resolve("export.json.partial");
            Files.writeString(partial, JSON.writeValueAsString(record));
            Files.move(partial, folder.resolve("export.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record export " + record.id(), e);
        }
    }

    private void load() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.toList()) {
                if (!local.contains(folder.getFileName().toString())) {
                    read(folder.resolve("export.json"));
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list exports in {}: {}", root, e.getMessage());
        }
    }

    private void read(Path file) {
        if (Files.isRegularFile(file)) {
            try {
                ExportRecord record = JSON.readValue(file.toFile(), ExportRecord.class);
                records.put(record.id(), record);
            } catch (RuntimeException e) {
                log.warn("Ignoring an unreadable export record {}: {}", file, e.getMessage());
            }
        }
    }

    /** Exports a stop interrupted are marked failed, so users see it and can restart them. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        if (recoverOnStart) {
            recover();
        }
        // a one-off command beside a running portal must not touch the portal's exports
    }

    /** Reads the exports on disk again and marks those left queued or running as failed. */
    void recover() {
        load();
        for (ExportRecord record : List.copyOf(records.values())) {
            if ((record.state().equals("queued") || record.state().equals("running")) && !local.contains(record.id())
                    && !jobLocks.isHeld(lockName(record.id()))) {
                save(record.with("failed", record.progress(), null, null,
                        "the server stopped while this export was being prepared; restart it"));
            }
        }
    }

    @PreDestroy
    void close() {
        workers.shutdownNow();
        readers.shutdownNow();
    }
}
