package org.samed2d.explorer.search;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogFeed;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.catalog.MaskRemoval;
import org.samed2d.explorer.shared.DataRoot;
import org.samed2d.explorer.shared.Progress;
import org.samed2d.explorer.shared.ProgressMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Search over the catalog. The portal keeps its Lucene index in step with PostgreSQL by following the catalog's
 * change feed (every second, and at once when asked); an index that is missing, unreadable or out of step with the
 * catalog is rebuilt from it, with progress. PostgreSQL stays the source of truth.
 */
@Service
public class SearchService implements io.micrometer.core.instrument.binder.MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final CatalogFeed feed;
    private final SearchProperties properties;
    private final IndexFolder folder;
    private final RegionMap regions = RegionMap.bundled();
    private final ProgressMeter meter;
    private volatile boolean checked;
    private final Object writing = new Object();
    private volatile @Nullable MaskSearch engine;
    private @Nullable ScheduledExecutorService follower;

    SearchService(CatalogFeed feed, SearchProperties properties, DataRoot root, Clock clock) {
        this.feed = feed;
        this.properties = properties;
        this.folder = IndexFolder.in(root);
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
        return engine().masks(filter, sort, limit, cursor);
    }

    public ImagePage images(MaskFilter filter, int limit, @Nullable String cursor) {
        return engine().images(filter, limit, cursor);
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

    /** Applies every catalog change the index has not seen yet and makes it searchable; returns when done. */
    public void catchUp() {
        synchronized (writing) {
            try {
                apply(engine(), false);
            } catch (IOException e) {
                throw new UncheckedIOException("could not update the search index in " + folder.index(), e);
            }
        }
    }

    /** Builds the index again from the catalog; searches answer from the old one until it is done. */
    public void rebuild() {
        synchronized (writing) {
            try {
                MaskSearch search = engine();
                search.clear();
                apply(search, true);
            } catch (IOException e) {
                throw new UncheckedIOException("could not rebuild the search index in " + folder.index(), e);
            }
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
            catchUp();
            long indexed = engine().documentCount();
            long catalogued = feed.maskCount();
            if (indexed != catalogued) {
                log.warn("The search index holds {} masks and the catalog {}; rebuilding the index", indexed,
                        catalogued);
                rebuild();
            }
            // load the facet columns and compile the counting code now, not on the first visitor's click
            facets(MaskFilter.ALL);
        } catch (RuntimeException e) {
            log.error("Checking the search index failed: {}", e.getMessage(), e);
        }
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.error("Following the catalog failed; will retry: {}", e.getMessage());
        }
    }

    private void apply(MaskSearch search, boolean clearedAlready) throws IOException {
        boolean cleared = clearedAlready;
        long from = search.appliedChange();
        long target = feed.latestChange();
        if (target == from && !cleared) {
            return;
        }
        if (target < from) {
            log.warn("The catalog is behind the search index (change {} < {}); rebuilding the index", target, from);
            search.clear();
            cleared = true;
            from = 0;
        }
        boolean fromEmpty = from == 0 && (cleared || search.documentCount() == 0);
        meter.start(fromEmpty ? "index" : "index update", fromEmpty ? feed.maskCount() : -1);
        try {
            // Removals first: a removed mask never comes back, and once they are applied any later commit is exact.
            List<MaskRemoval> removals;
            long removedUpTo = from;
            do {
                removals = feed.removedMasks(removedUpTo, target, properties.feedPage());
                search.remove(removals.stream().map(MaskRemoval::maskId).toList());
                removedUpTo = removals.isEmpty() ? removedUpTo : removals.getLast().changeSeq();
            } while (removals.size() == properties.feedPage());
            long position = from;
            long done = 0;
            long sinceCommit = 0;
            List<IndexedMask> page;
            do {
                page = feed.changedMasks(position, target, properties.feedPage());
                search.put(page, fromEmpty);
                done += page.size();
                sinceCommit += page.size();
                position = page.isEmpty() ? position : page.getLast().changeSeq();
                meter.update(done, target > from ? (double) (position - from) / (target - from) : 1);
                if (sinceCommit >= properties.commitEvery()) {
                    search.commit(position);
                    sinceCommit = 0;
                }
            } while (page.size() == properties.feedPage());
            search.commit(target);
            search.refresh();
            if (done > 10_000) {
                log.info("Search index caught up with the catalog: {} masks written", done);
            }
        } finally {
            meter.idle();
        }
    }

    private MaskSearch engine() {
        MaskSearch current = engine;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (engine == null) {
                engine = open();
            }
            return engine;
        }
    }

    private MaskSearch open() {
        try {
            byte[] key = folder.key();
            try {
                return MaskSearch.open(folder.index(), regions, key, properties.threads());
            } catch (LockObtainFailedException e) {
                throw new IndexBusyException(folder.index());
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                log.warn("The search index in {} cannot be read ({}); building it again", folder.index(),
                        e.getMessage());
                folder.wipe();
                return MaskSearch.open(folder.index(), regions, key, properties.threads());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder.index(), e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        if (follower != null) {
            follower.shutdownNow();
        }
        synchronized (writing) {
            MaskSearch current = engine;
            if (current != null) {
                current.close();
                engine = null;
            }
        }
    }
}
