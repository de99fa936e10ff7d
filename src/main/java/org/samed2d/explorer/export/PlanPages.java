package org.samed2d.explorer.export;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.catalog.StoredFile;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;

/**
 * The pages of an export's walk in order ({@link PlanWalk}), each fetched (one search, then four catalog queries)
 * on threads of their own while the walk lays out the page before: a page spent most of its time waiting for the
 * database and the index, so fetching in turn left a core idle (1M masks: 12.4-12.9 s to prepare, 9.6-9.8 s now).
 */
final class PlanPages implements AutoCloseable {

    /** Images per page: each page costs one search and four catalog queries. */
    private static final int PAGE_IMAGES = 1000;

    /** One page: the search's hits and what the catalog holds for them. */
    record Page(ImagePage hits, Map<Long, ImageRecord> images, Map<Long, MaskRecord> masks,
                Map<Long, StoredFile> imageFiles, Map<Long, StoredFile> maskFiles) {
    }

    private final SearchService search;
    private final CatalogLookup catalog;
    private final MaskFilter filter;
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("export-plan-fetch").daemon().factory());
    private final ExecutorService masksFetcher = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("export-plan-masks-", 0).daemon().factory());
    private @Nullable Future<Page> ahead;

    PlanPages(SearchService search, CatalogLookup catalog, MaskFilter filter) {
        this.search = search;
        this.catalog = catalog;
        this.filter = filter;
    }

    Page first() throws IOException {
        ahead = fetcher.submit(() -> fetch(null));
        return next();
    }

    /** The page fetched ahead, once the fetch of the one after it has started; null after the last page. */
    @Nullable Page next() throws IOException {
        if (ahead == null) {
            return null;
        }
        Page page = Results.await(ahead, "a page of the export's plan");
        String cursor = page.hits().next();
        ahead = cursor == null ? null : fetcher.submit(() -> fetch(cursor));
        return page;
    }

    /** A page's hits, then its masks on two more threads while its images are looked up on this one. */
    private Page fetch(@Nullable String cursor) throws IOException {
        ImagePage hits = search.images(filter, PAGE_IMAGES, cursor);
        List<Long> maskIds = hits.images().stream().flatMap(hit -> hit.maskIds().stream()).toList();
        Future<Map<Long, MaskRecord>> masks = masksFetcher.submit(() -> {
            Map<Long, MaskRecord> byId = new LinkedHashMap<>();
            catalog.masks(maskIds).forEach(mask -> byId.put(mask.id(), mask));
            return byId;
        });
        Future<Map<Long, StoredFile>> maskFiles = masksFetcher.submit(() -> catalog.maskFiles(maskIds));
        Map<Long, ImageRecord> images = new LinkedHashMap<>();
        catalog.images(hits.images().stream().map(ImagePage.ImageHit::imageId).toList())
                .forEach(image -> images.put(image.id(), image));
        Map<Long, StoredFile> imageFiles = catalog.imageFiles(List.copyOf(images.keySet()));
        return new Page(hits, images, Results.await(masks, "masks of the export's plan"), imageFiles,
                Results.await(maskFiles, "mask files of the export's plan"));
    }

    /** A fetch still running when the walk stops early finishes on its own; its page is dropped. */
    @Override
    public void close() {
        fetcher.shutdown();
        masksFetcher.shutdown();
    }
}
