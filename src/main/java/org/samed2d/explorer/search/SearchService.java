package org.samed2d.explorer.search;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogFeed;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.catalog.JobLocks;
import org.samed2d.explorer.catalog.MaskRemoval;
import org.samed2d.explorer.search.engine.CatalogPosition;
import org.samed2d.explorer.search.engine.ImageHits;
import org.samed2d.explorer.search.engine.IndexWriting;
import org.samed2d.explorer.search.engine.MaskHits;
import org.samed2d.explorer.search.engine.SearchEngine;
import org.samed2d.explorer.search.engine.SortValues;
import org.samed2d.explorer.shared.DataRoot;
import org.samed2d.explorer.shared.Progress;
import org.samed2d.explorer.shared.ProgressMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Search over the catalog, on the engine {@code explorer.search.engine} names: the embedded Lucene index of this
 * instance (default) or an OpenSearch cluster every instance shares. The index follows the catalog's change feed
 * (every second, and at once when asked); an index that is missing, unreadable or out of step with the catalog is
 * rebuilt from it, with progress. A shared index has one writer at a time, whichever instance holds the indexer's
 * job lock. PostgreSQL stays the source of truth.
 */
@Service
public class SearchService implements io.micrometer.core.instrument.binder.MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    /** The job lock whose holder writes a shared index; every other instance only reads it. */
    static final String INDEXER_LOCK = "explorer-search-indexer";
    private static final Duration LOCK_WAIT = Duration.ofMinutes(2);

    private final CatalogFeed feed;
    private final JobLocks locks;
    private final JdbcClient jdbc;
    private final SearchProperties properties;
    private final DataRoot root;
    private final RegionMap regions = RegionMap.bundled();
    private final ProgressMeter meter;
    private final Object writing = new Object();
    private volatile boolean checked;
    private volatile boolean reachable = true;
    private volatile @Nullable SearchEngine engine;
    private volatile @Nullable Cursors cursors;
    private @Nullable ScheduledExecutorService follower;

    SearchService(CatalogFeed feed, JobLocks locks, JdbcClient jdbc, SearchProperties properties, DataRoot root,
                  Clock clock) {
        this.feed = feed;
        this.locks = locks;
        this.jdbc = jdbc;
        this.properties = properties;
        this.root = root;
        this.meter = new ProgressMeter(clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void followCatalog() {
        if (!properties.followCatalog()) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("search-follower").factory());
        follower = executor;
        executor.execute(this::checkOnStart);
        executor.scheduleWithFixedDelay(this::catchUpQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** The search index build's items done and rate while one runs (0 when idle), for Prometheus. */
    @Override
    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("explorer.index.done", this, service -> service.status().done())
                .description("items done by the running search index build").register(registry);
        io.micrometer.core.instrument.Gauge.builder("explorer.index.rate", this, service -> service.status().ratePerSecond())
                .description("items per second of the running search index build").register(registry);
    }

    public RegionMap regions() {
        return regions;
    }

    /** What the index is doing: idle, or building/catching up with items done, rate and ETA. */
    public Progress status() {
        return meter.snapshot();
    }

    /** Which engine answers: {@code lucene} or {@code opensearch}. */
    public String engineName() {
        return properties.engine().parameter();
    }

    /** Matching masks and the distinct images they are on, both exact. */
    public MaskCounts counts(MaskFilter filter) {
        return engine().counts(filter);
    }

    public FacetCounts facets(MaskFilter filter) {
        return engine().facets(filter);
    }

    /**
     * Masks per area fraction of their image in power-of-two bins, smallest first, with every filter applied except
     * the fraction range (the histogram must show what the range hides). Costs one pass over the matching masks.
     */
    public List<FacetCounts.FractionBin> areaFractionHistogram(MaskFilter filter) {
        return engine().fractionHistogram(filter);
    }

    public MaskPage masks(MaskFilter filter, MaskSort sort, int limit, @Nullable String cursor) {
        SortValues after = cursor == null ? null : cursors().decode(cursor, sort.parameter(), filter);
        MaskHits hits = engine().masks(filter, sort, limit, after);
        SortValues next = hits.next();
        return new MaskPage(hits.ids(), next == null ? null : cursors().encode(sort.parameter(), filter, next),
                hits.total());
    }

    /** A page of images with matching masks, by image id, each with its matching mask ids. */
    public ImagePage images(MaskFilter filter, int limit, @Nullable String cursor) {
        String order = "images";
        long afterImage = cursor == null ? -1 : (Long) cursors().decode(cursor, order, filter).values().getFirst();
        ImageHits page = engine().images(filter, afterImage, limit);
        String next = page.more()
                ? cursors().encode(order, filter, SortValues.of(page.hits().getLast().imageId())) : null;
        return new ImagePage(page.hits(), next, page.total());
    }

    /** Matching images at positions {@code [offset, offset + limit)} in image-id order (for scrolling grids). */
    public List<ImagePage.ImageHit> imagesAt(MaskFilter filter, long offset, int limit) {
        return engine().imagesAt(filter, offset, limit);
    }

    /** The next or previous image with a matching mask, by image id; -1 when there is none. */
    public long neighbourImage(MaskFilter filter, long imageId, boolean forward) {
        return engine().neighbourImage(filter, imageId, forward);
    }

    /** The ids of this image's masks that match the filter. */
    public List<Long> matchingMasks(MaskFilter filter, long imageId) {
        return engine().matchingMasks(filter, imageId);
    }

    /**
     * Applies every catalog change the index has not seen yet and makes it searchable; returns when done. On a
     * shared index it waits while another instance writes.
     */
    public void catchUp() {
        synchronized (writing) {
            asIndexer(true, () -> apply(false));
        }
    }

    /** Builds the index again from the catalog; searches answer from the old one until it is done. */
    public void rebuild() {
        synchronized (writing) {
            asIndexer(true, () -> apply(true));
        }
    }

    /** Starts {@link #rebuild()} on a thread of its own; {@link #status()} shows its progress. */
    public void rebuildInBackground() {
        Thread.ofVirtual().name("index-rebuild").start(() -> {
            try {
                rebuild();
            } catch (RuntimeException e) {
                log.error("Rebuilding the search index failed: {}", e.getMessage());
            }
        });
    }

    /** On start: catch up, and rebuild when the index does not hold exactly the catalog's masks. */
    void checkOnStart() {
        try {
            checkIndex();
        } finally {
            checked = true;
        }
    }

    /**
     * Whether the start-up check is over: the index has caught up with the catalog, or was rebuilt because it did
     * not hold exactly its masks. Before that, counts may be short.
     */
    public boolean ready() {
        return checked;
    }

    private void checkIndex() {
        try {
            synchronized (writing) {
                asIndexer(false, () -> {
                    if (!engine().current()) {
                        log.warn("The search index was written by another version of the document layout; rebuilding it");
                        apply(true);
                    }
                    apply(false);
                    long indexed = engine().documentCount();
                    long catalogued = feed.maskCount();
                    if (indexed != catalogued) {
                        log.warn("The search index holds {} masks and the catalog {}; rebuilding the index", indexed,
                                catalogued);
                        apply(true);
                    }
                });
            }
            // load the facet columns and compile the counting code now, not on the first visitor's click
            facets(MaskFilter.ALL);
        } catch (RuntimeException e) {
            log.error("Checking the search index failed: {}", e.getMessage(), e);
        }
    }

    void catchUpQuietly() {
        try {
            synchronized (writing) {
                asIndexer(false, () -> apply(false));
            }
            if (!reachable) {
                reachable = true;
                log.info("The search engine answers again; the index has caught up with the catalog");
            }
        } catch (SearchUnavailableException e) {
            if (reachable) {
                reachable = false;
                log.warn("The search engine cannot be reached ({}); retrying every second", e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("Following the catalog failed; will retry: {}", e.getMessage());
        }
    }

    /**
     * Runs {@code work} as the index's writer: at once for an index of this instance's own; for a shared one while
     * holding the indexer's lock, waiting for it or, when {@code wait} is false, skipping the work if another
     * instance holds it.
     */
    private void asIndexer(boolean wait, Runnable work) {
        if (!engine().shared()) {
            work.run();
            return;
        }
        Optional<JobLocks.Lease> lease = wait ? waitForLock() : locks.tryLock(INDEXER_LOCK);
        if (lease.isEmpty()) {
            return;
        }
        try (JobLocks.Lease held = lease.get()) {
            work.run();
        }
    }

    private Optional<JobLocks.Lease> waitForLock() {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            Optional<JobLocks.Lease> lease = locks.tryLock(INDEXER_LOCK);
            if (lease.isPresent()) {
                return lease;
            }
            if (System.nanoTime() > deadline) {
                throw new IndexBusyException("another instance has been writing the shared search index for "
                        + LOCK_WAIT.toMinutes() + " minutes (a rebuild?); try again when it is done");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IndexBusyException("interrupted while waiting for the search index's writer lock");
            }
        }
    }

    private void apply(boolean rebuild) {
        SearchEngine search = engine();
        boolean fresh = rebuild;
        String catalog = feed.identity();
        CatalogPosition held = search.position();
        long from = fresh ? 0 : held.change();
        long target = feed.latestChange();
        if (!fresh && !held.follows(catalog)) {
            log.warn("The search index was written from another catalog ({}, this one is {}): the database was "
                    + "recreated, restored or swapped, or another deployment writes this index; rebuilding the index",
                    held.catalog() == null ? "not recorded" : held.catalog(), catalog);
            fresh = true;
            from = 0;
        }
        if (target == from && !fresh) {
            return;
        }
        if (target < from) {
            log.warn("The catalog is behind the search index (change {} < {}); rebuilding the index", target, from);
            fresh = true;
            from = 0;
        }
        IndexWriting writes = fresh ? search.rebuild() : search.update();
        boolean fromEmpty = from == 0 && (fresh || search.documentCount() == 0);
        // a shared index's rebuild fills a new generation while the old one answers: no reason to leave readiness
        meter.start(fresh && search.shared() ? "index rebuild" : fromEmpty ? "index" : "index update",
                fromEmpty ? feed.maskCount() : -1);
        try {
            // Removals first: a removed mask never comes back, and once they are applied any later commit is exact.
            List<MaskRemoval> removals;
            long removedUpTo = from;
            do {
                removals = feed.removedMasks(removedUpTo, target, properties.feedPage());
                writes.remove(removals.stream().map(MaskRemoval::maskId).toList());
                removedUpTo = removals.isEmpty() ? removedUpTo : removals.getLast().changeSeq();
            } while (removals.size() == properties.feedPage());
            long position = from;
            long done = 0;
            long sinceCommit = 0;
            List<IndexedMask> page;
            do {
                page = feed.changedMasks(position, target, properties.feedPage());
                writes.put(page, fromEmpty);
                done += page.size();
                sinceCommit += page.size();
                position = page.isEmpty() ? position : page.getLast().changeSeq();
                meter.update(done, target > from ? (double) (position - from) / (target - from) : 1);
                if (sinceCommit >= properties.commitEvery()) {
                    writes.checkpoint(new CatalogPosition(catalog, position));
                    sinceCommit = 0;
                }
            } while (page.size() == properties.feedPage());
            writes.publish(new CatalogPosition(catalog, target));
            if (done > 10_000) {
                log.info("Search index caught up with the catalog: {} masks written", done);
            }
        } finally {
            meter.idle();
        }
    }

    private Cursors cursors() {
        Cursors current = cursors;
        if (current == null) {
            current = new Cursors(CursorKey.of(jdbc, root));
            cursors = current;
        }
        return current;
    }

    private SearchEngine engine() {
        SearchEngine current = engine;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (engine == null) {
                engine = SearchEngines.open(properties, root, regions, feed);
            }
            return engine;
        }
    }

    @PreDestroy
    void close() {
        if (follower != null) {
            follower.shutdownNow();
            try {
                // let an interrupted catch-up give back the indexer's lock while the database is still there
                if (!follower.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    log.warn("The search follower did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (writing) {
            SearchEngine current = engine;
            if (current != null) {
                current.close();
                engine = null;
            }
        }
    }
}
