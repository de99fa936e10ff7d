package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.media.LabelPalette;
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
    protected final LabelPalette.Colours colours;
    protected final MaskFilter filter;
    private final String stateQuery;

    TileSource(SearchService search, CatalogLookup catalog, LabelPalette.Colours colours, ExploreState state) {
        this.search = search;
        this.catalog = catalog;
        this.colours = colours;
        this.filter = state.filter();
        this.stateQuery = new ExploreState(state.filter(), state.sort(), 0).toQuery().getQueryString();
    }

    static TileSource of(SearchService search, CatalogLookup catalog, LabelPalette.Colours colours, ExploreState state) {
        return state.sort() == MaskSort.ID ? new Images(search, catalog, colours, state)
                : new Masks(search, catalog, colours, state);
    }

    abstract long count();

    abstract List<Tile> fetch(long offset, int limit);

    /** The image page, with the filter and order (the grid adds where it stands when the link is followed). */
    protected String link(long imageId) {
        return "image/" + imageId + (stateQuery.isEmpty() ? "" : "?" + stateQuery);
    }

    protected static String where(MaskRecord mask) {
        return mask.slice() == null ? mask.modality()
                : "%s · %s %d".formatted(mask.modality(), mask.axis(), mask.slice());
    }

    protected List<Tile.DrawnMask> drawn(List<MaskRecord> masks) {
        return masks.stream().sorted(Comparator.comparingLong((MaskRecord m) -> m.geometry() == null ? 0
                        : m.geometry().area()).reversed())
                .map(mask -> new Tile.DrawnMask(mask.label(), colours.hex(mask.label()),
                        mask.geometry() == null ? 0 : mask.geometry().area(), mask.geometry() == null ? null
                        : new int[] {mask.geometry().x0(), mask.geometry().y0(), mask.geometry().x1(), mask.geometry().y1()}))
                .toList();
    }

    /** Images in id order, each with its matching masks. */
    static final class Images extends TileSource {

        Images(SearchService search, CatalogLookup catalog, LabelPalette.Colours colours, ExploreState state) {
            super(search, catalog, colours, state);
        }

        @Override
        long count() {
            return search.counts(filter).images();
        }

        @Override
        List<Tile> fetch(long offset, int limit) {
            List<ImagePage.ImageHit> hits = search.imagesAt(filter, offset, limit);
            // one catalog read for the page: the masks carry their image's fields too
            Map<Long, List<MaskRecord>> byImage = new LinkedHashMap<>();
            catalog.masks(hits.stream().flatMap(hit -> hit.maskIds().stream().limit(200)).toList())
                    .forEach(mask -> byImage.computeIfAbsent(mask.imageId(), id -> new ArrayList<>()).add(mask));
            List<Tile> tiles = new ArrayList<>();
            for (int i = 0; i < hits.size(); i++) {
                ImagePage.ImageHit hit = hits.get(i);
                List<MaskRecord> masks = byImage.get(hit.imageId());
                if (masks != null) {
                    MaskRecord first = masks.getFirst();
                    int count = hit.maskIds().size();
                    tiles.add(new Tile(offset + i, hit.imageId(), hit.maskIds(), first.dataset(),
                            "%s · %d mask%s".formatted(where(first), count, count == 1 ? "" : "s"), link(hit.imageId()),
                            first.width(), first.height(), drawn(masks)));
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

        Masks(SearchService search, CatalogLookup catalog, LabelPalette.Colours colours, ExploreState state) {
            super(search, catalog, colours, state);
            this.sort = state.sort();
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
            long index = offset;
            for (MaskRecord mask : catalog.masks(ids.subList((int) offset, (int) Math.min(end, ids.size())))) {
                String area = mask.geometry() == null ? "area pending" : "%,d px".formatted(mask.geometry().area());
                tiles.add(new Tile(index++, mask.imageId(), List.of(mask.id()), mask.label() + " · " + area,
                        "%s · %s".formatted(mask.dataset(), where(mask)), link(mask.imageId()), mask.width(),
                        mask.height(), drawn(List.of(mask))));
            }
            return tiles;
        }
    }
}
