package org.samed2d.explorer.ingest;

import org.samed2d.explorer.shared.ProgressMeter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.samed2d.explorer.catalog.JobLocks;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogImport;
import org.samed2d.explorer.catalog.CatalogService;
import org.samed2d.explorer.catalog.EntryChecksums;
import org.samed2d.explorer.catalog.FileSource;
import org.samed2d.explorer.ingest.json.ClassMapping;
import org.samed2d.explorer.ingest.json.MalformedReleaseJsonException;
import org.samed2d.explorer.release.ReleaseSource;
import org.samed2d.explorer.release.ReleaseSources;
import org.samed2d.explorer.shared.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Ingests SA-Med2D releases into the catalog, one run at a time. A run lists names and sizes first (the catalog is
 * browsable after that), then decodes mask geometry. Repeating a run adds nothing; a killed run, repeated, completes.
 */
@Service
public class IngestService implements io.micrometer.core.instrument.binder.MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final CatalogImport catalog;
    private final CatalogService catalogReads;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ProgressMeter meter;
    private final IngestProperties properties;
    private final ReentrantLock running = new ReentrantLock();
    /** One ingest at a time per catalog, whichever instance or command runs it. */
    private static final String INGEST_LOCK = "explorer-ingest";
    private final JobLocks jobLocks;
    private final EntryCrcPass entryCrcs;
    private volatile @Nullable IngestReport lastReport;
    private volatile @Nullable String lastFailure;

    IngestService(CatalogImport catalog, CatalogService catalogReads, TaskExecutor executor, Clock clock,
                  IngestProperties properties, JobLocks jobLocks, EntryChecksums checksums) {
        this.jobLocks = jobLocks;
        this.entryCrcs = new EntryCrcPass(checksums);
        this.catalog = catalog;
        this.catalogReads = catalogReads;
        this.executor = executor;
        this.clock = clock;
        this.meter = new ProgressMeter(clock);
        this.properties = properties;
    }

    /**
     * Ingests the release at {@code path} (a folder, its parent, a ZIP or the {@code .zip} of a split ZIP) and returns
     * the report. Throws {@link IngestFailedException} only when nothing could be read; {@link IngestBusyException}
     * when another run is in progress.
     */
    public IngestReport ingest(Path path) throws IngestFailedException {
        if (!running.tryLock()) {
            throw new IngestBusyException();
        }
        Optional<JobLocks.Lease> everywhere = jobLocks.tryLock(INGEST_LOCK);
        if (everywhere.isEmpty()) {
            running.unlock();
            throw new IngestBusyException("another instance or command is ingesting into this catalog; wait for it to finish");
        }
        try (JobLocks.Lease lease = everywhere.get()) {
            IngestReport report = run(path);
            lastReport = report;
            lastFailure = null;
            return report;
        } catch (IngestFailedException e) {
            lastFailure = e.getMessage();
            throw e;
        } finally {
            meter.idle();
            running.unlock();
        }
    }

    /** Starts {@link #ingest} on the task executor; its progress shows in {@link #status()}. */
    public void ingestInBackground(Path path) {
        executor.execute(() -> {
            try {
                IngestReport report = ingest(path);
                log.info("Ingest of {} finished: {} images and {} masks added, {} items skipped", report.source(),
                        report.imagesAdded(), report.masksAdded(), report.skippedTotal());
            } catch (IngestFailedException | RuntimeException e) {
                log.error("Ingest of {} failed: {}", path, e.getMessage());
            }
        });
    }

    /**
     * Starts an ingest an admin asked for, of a path that must lie inside one of the configured ingest roots (after
     * resolving symbolic links); refuses with the reason otherwise.
     */
    public void ingestRequested(String path) {
        if (properties.roots().isEmpty()) {
            throw new InvalidParameterException("path", "this server takes no ingest requests: no ingest roots are "
                    + "configured (explorer.ingest.roots); ingest with the command line instead");
        }
        Path requested;
        try {
            requested = Path.of(path).toAbsolutePath().normalize().toRealPath();
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            throw new InvalidParameterException("path", "'" + path + "' does not exist on the server");
        }
        boolean inside = properties.roots().stream().anyMatch(root -> {
            try {
                return requested.startsWith(root.toAbsolutePath().normalize().toRealPath());
            } catch (java.io.IOException e) {
                return false;
            }
        });
        if (!inside) {
            throw new InvalidParameterException("path", "'" + path + "' is outside the configured ingest roots");
        }
        if (running.isLocked()) {
            throw new IngestBusyException();
        }
        ingestInBackground(requested);
    }

    /**
     * Finishes, in the background, what earlier runs left: the geometry of masks a killed run left undecoded, and the
     * CRC-32 of archive entries catalogued before the catalog kept it (read from each archive's central directory).
     */
    public void resumeInBackground() {
        executor.execute(() -> {
            if (!running.tryLock()) {
                return;
            }
            Optional<JobLocks.Lease> everywhere = jobLocks.tryLock(INGEST_LOCK);
            if (everywhere.isEmpty()) {
                running.unlock();
                return; // another instance is ingesting, and its geometry pass measures these masks too
            }
            try (JobLocks.Lease lease = everywhere.get(); GeometryPhase geometry = new GeometryPhase(catalog, catalogReads, new SkipLog(), meter,
                    properties.geometryBatch())) {
                long pending = catalogReads.masksWithoutGeometry();
                if (pending > 0) {
                    geometry.run(pending);
                }
                entryCrcs.run();
            } catch (IOException | RuntimeException e) {
                log.error("Resuming what an earlier run left failed: {}", e.getMessage());
            } finally {
                meter.idle();
                running.unlock();
            }
        });
    }

    /** The ingest's items done and rate while one runs (0 when idle), for Prometheus. */
    @Override
    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("explorer.ingest.done", this, service -> service.status().done())
                .description("items done by the running ingest").register(registry);
        io.micrometer.core.instrument.Gauge.builder("explorer.ingest.rate", this, service -> service.status().ratePerSecond())
                .description("items per second of the running ingest").register(registry);
    }

    /** The running phase, or {@link Progress#IDLE}. */
    public Progress status() {
        return meter.snapshot();
    }

    public @Nullable IngestReport lastReport() {
        return lastReport;
    }

    /** The one-line reason the last run could not read anything, or null. */
    public @Nullable String lastFailure() {
        return lastFailure;
    }

    private IngestReport run(Path path) throws IngestFailedException {
        SkipLog skips = new SkipLog();
        try (ReleaseSource source = ReleaseSources.open(path)) {
            ClassMapping mapping = readMapping(source);
            FileSource fileSource = catalog.registerSource(source.location(), source.kind(), source.prefix());
            meter.start("names", -1);
            Instant namesStart = clock.instant();
            NamesPhase names = new NamesPhase(source, fileSource, mapping, catalog, skips, meter,
                    source.sizeOf(ReleaseSource.IMAGE_INDEX), properties.batchMasks());
            String warning = null;
            try (InputStream index = source.open(ReleaseSource.IMAGE_INDEX).orElseThrow()) {
                names.run(index);
            } catch (MalformedReleaseJsonException e) {
                if (names.imagesListed() == 0) {
                    throw new IngestFailedException(e.getMessage(), e);
                }
                warning = e.getMessage() + " (items before the fault were ingested)";
            }
            Instant geometryStart = clock.instant();
            long rejected;
            try (GeometryPhase geometry = new GeometryPhase(catalog, catalogReads, skips, meter,
                    properties.geometryBatch())) {
                geometry.use(fileSource.id(), source);
                geometry.run(catalogReads.masksWithoutGeometry());
                rejected = geometry.rejected();
            }
            entryCrcs.run(); // entries this run found already catalogued, from before the catalog kept their CRC
            return new IngestReport(source.location(), names.imagesListed(), names.masksListed(),
                    names.added().images(), Math.max(0, names.added().masks() - rejected), skips.counts(),
                    skips.items(), Duration.between(namesStart, geometryStart),
                    Duration.between(geometryStart, clock.instant()), warning);
        } catch (IOException e) {
            throw new IngestFailedException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static ClassMapping readMapping(ReleaseSource source) throws IOException, IngestFailedException {
        try (InputStream in = source.open(ReleaseSource.CLASS_MAPPING).orElseThrow(() -> new IngestFailedException(
                source.location() + ": no " + ReleaseSource.CLASS_MAPPING + " beside " + ReleaseSource.IMAGE_INDEX,
                null))) {
            return ClassMapping.parse(in, ReleaseSource.CLASS_MAPPING);
        } catch (MalformedReleaseJsonException e) {
            throw new IngestFailedException(e.getMessage(), e);
        }
    }
}
