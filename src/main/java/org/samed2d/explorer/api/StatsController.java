package org.samed2d.explorer.api;

import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogService;
import org.samed2d.explorer.catalog.CatalogStats;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.Progress;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    private final CatalogService catalog;
    private final IngestService ingest;
    private final SearchService search;

    StatsController(CatalogService catalog, IngestService ingest, SearchService search) {
        this.catalog = catalog;
        this.ingest = ingest;
        this.search = search;
    }

    /**
     * Catalog figures, plus how many masks still wait for the geometry pass and what this server's ingest is doing.
     *
     * @param ingest the running phase, or null when none runs in this server
     * @param index the search index build or update in progress, or null when the index is up to date
     * @param searchEngine which engine answers searches: {@code lucene} (this server's own index) or
     *                     {@code opensearch} (a cluster every instance shares)
     */
    record Stats(long images, long masks, long datasets, long modalities, long labels, long geometryPending,
                 @Nullable JobProgress ingest, @Nullable JobProgress index, String searchEngine) {
    }

    /** @param etaSeconds seconds left, or null while unknown */
    record JobProgress(String phase, long done, long total, double fraction, double ratePerSecond,
                          @Nullable Long etaSeconds) {
    }

    @GetMapping
    Stats stats() {
        CatalogStats stats = catalog.stats();
        return new Stats(stats.images(), stats.masks(), stats.datasets(), stats.modalities(), stats.labels(),
                stats.masksWithoutGeometry(), running(ingest.status()), running(search.status()), search.engineName());
    }

    private static @Nullable JobProgress running(Progress progress) {
        return progress.running()
                ? new JobProgress(progress.phase(), progress.done(), progress.total(), progress.fraction(),
                        progress.ratePerSecond(), progress.eta() == null ? null : progress.eta().toSeconds())
                : null;
    }
}
