package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskPage;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.search.SearchService;

/**
 * Where the grid's tiles come from. In release order a tile is an image with all its matching masks, reachable at
 * any position at once; in area or dataset order a tile is one mask, read page by page along search cursors.
 */
abstract class TileSource {

    /** Mask-ordered grids read ahead along cursors; past this many tiles users refine the filter instead. */
    static final int MASK_TILE_LIMIT = 100_000;

    protected final SearchService search;
    protected final CatalogLookup catalog;
    protected final MaskFilter filter;
    private final String filterQuery;

    TileSource(SearchService search, CatalogLookup catalog, MaskFilter filter) {
        this.search = search;
        this.catalog = catalog;
        this.filter = filter;
        this.filterQuery = new QueryParameters(FilterParser.toParameters(filter)).getQueryString();
    }

    static TileSource of(SearchService search, CatalogLookup catalog, MaskFilter filter, MaskSort sort) {
        return sort == MaskSort.ID ? new Images(search, catalog, filter) : new Masks(search, catalog, filter, sort);
    }

    abstract long count();

    abstract List<Tile> fetch(long offset, int limit);

    protected String link(long imageId) {
        return "image/" + imageId + (filterQuery.isEmpty() ? "" : "?" + filterQuery);
    }

    protected static String where(ImageRecord image) {
        return image.slice() == null ? image.modality() : "%s · %s %d".formatted(image.modality(), image.axis(), image.slice());
    }

    /** Images in id order, each with its matching masks. */
    static final class Images extends TileSource {

        Images(SearchService search, CatalogLookup catalog, MaskFilter filter) {
            super(search, catalog, filter);
        }

        @Override
        long count() {
            return search.counts(filter).images();
        }

        @Override
        List<Tile> fetch(long offset, int limit) {
            List<ImagePage.ImageHit> hits = search.imagesAt(filter, offset, limit);
            Map<Long, ImageRecord> images = new HashMap<>();
            catalog.images(hits.stream().map(ImagePage.ImageHit::imageId).toList())
                    .forEach(image -> images.put(image.id(), image));
            List<Tile> tiles = new ArrayList<>();
            for (ImagePage.ImageHit hit : hits) {
                ImageRecord image = images.get(hit.imageId());
                if (image != null) {
                    int masks = hit.maskIds().size();
                    tiles.add(new Tile(image.id(), hit.maskIds(), image.dataset(),
                            "%s · %d mask%s".formatted(where(image), masks, masks == 1 ? "" : "s"), link(image.id())));
                }
            }
            return tiles;
        }
    }

    /** Masks in the chosen order, one per tile, read ahead along cursors. */
    static final class Masks extends TileSource {
        private static final int PAGE = 200;
        private final MaskSort sort;
        private final List<Long> ids = new ArrayList<>();
        private @Nullable String next;
        private boolean exhausted;

        Masks(SearchService search, CatalogLookup catalog, MaskFilter filter, MaskSort sort) {
            super(search, catalog, filter);
            this.sort = sort;
        }

        @Override
        long count() {
            return Math.min(MASK_TILE_LIMIT, search.counts(filter).masks());
        }

        @Override
        synchronized List<Tile> fetch(long offset, int limit) {
            long end = Math.min(offset + limit, MASK_TILE_LIMIT);
            while (ids.size() < end && !exhausted) {
                MaskPage page = search.masks(filter, sort, PAGE, next);
                ids.addAll(page.ids());
                next = page.next();
                exhausted = next == null;
            }
            if (offset >= ids.size()) {
                return List.of();
            }
            List<Tile> tiles = new ArrayList<>();
            for (MaskRecord mask : catalog.masks(ids.subList((int) offset, (int) Math.min(end, ids.size())))) {
                String area = mask.geometry() == null ? "area pending" : "%,d px".formatted(mask.geometry().area());
                tiles.add(new Tile(mask.imageId(), List.of(mask.id()), mask.label() + " · " + area,
                        "%s · %s".formatted(mask.dataset(), mask.slice() == null ? mask.baseModality()
                                : mask.baseModality() + " · " + mask.axis() + " " + mask.slice()), link(mask.imageId())));
            }
            return tiles;
        }
    }
}
