package org.samed2d.explorer.search.opensearch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.HistogramBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.SearchResult;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.search.engine.ImageHits;
import org.samed2d.explorer.search.engine.MaskHits;
import org.samed2d.explorer.search.engine.SortValues;
import org.samed2d.explorer.search.opensearch.OpenSearchSearches.Search;

/**
 * Keyset pages: masks with {@code search_after} on the sort values a cursor carries (the same values as the
 * embedded engine's, so a cursor means the same position in either), images by id on the image documents, and a
 * page's masks from one query limited to its images' id range. Totals come from size-0 searches in the same round
 * trip, which repeat exactly from page to page and so are answered from the request cache; the pages themselves
 * count nothing and stop early on the index order.
 */
final class OpenSearchPages {

    /** The most hits one search returns (the cluster's default window). */
    private static final int WINDOW = 10_000;
    /** Image ids per bucket when finding the image at a deep rank: few enough for a short walk inside one. */
    private static final double RANK_BUCKET = 4096;

    private final OpenSearchSearches searches;
    private final OpenSearchQueries queries;
    private final OpenSearchFacets facets;
    private final String masks;
    private final String images;

    OpenSearchPages(OpenSearchSearches searches, OpenSearchQueries queries, OpenSearchFacets facets, String masks,
                    String images) {
        this.searches = searches;
        this.queries = queries;
        this.facets = facets;
        this.masks = masks;
        this.images = images;
    }

    MaskHits masks(MaskFilter filter, MaskSort sort, int limit, @Nullable SortValues after) {
        Query query = queries.masks(filter);
        Search total = new Search(masks, b -> b.size(0).trackTotalHits(t -> t.enabled(true)).query(query));
        Search page = new Search(masks, b -> {
            b.size(limit + 1).trackTotalHits(t -> t.enabled(false)).query(query).sort(sorts(sort));
            if (after != null) {
                b.searchAfter(after.values().stream().map(OpenSearchPages::fieldValue).toList());
            }
            return b;
        });
        List<SearchResult<Void>> results = searches.run("page masks", List.of(total, page));
        List<Hit<Void>> hits = results.get(1).hits().hits();
        List<Long> ids = new ArrayList<>();
        SortValues next = null;
        for (int i = 0; i < hits.size() && i < limit; i++) {
            List<FieldValue> values = hits.get(i).sort();
            ids.add(values.getLast().longValue());
            if (i == limit - 1 && hits.size() > limit) {
                next = new SortValues(values.stream().map(OpenSearchPages::value).toList());
            }
        }
        return new MaskHits(ids, next, results.get(0).hits().total().value());
    }

    ImageHits images(MaskFilter filter, long afterImage, int limit) {
        Query query = OpenSearchQueries.and(queries.images(filter), OpenSearchDocuments.IMAGE, afterImage + 1, null);
        List<SearchResult<Void>> results = searches.run("page images", List.of(facets.imageTotal(filter),
                imagePage(query, 0, limit + 1, SortOrder.Asc)));
        List<Long> page = imageIds(results.get(1));
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        return new ImageHits(withMasks(filter, page), more, results.get(0).hits().total().value());
    }

    /**
     * Images at ranks {@code [offset, offset + limit)}: a histogram of the matching images over id ranges (a size-0
     * search, cached while the grid scrolls) says which range holds the rank, and the page starts there, at an offset
     * of at most one range. Plain offsets would cost the whole offset, and stop at the cluster's result window.
     */
    List<ImagePage.ImageHit> imagesAt(MaskFilter filter, long offset, int limit) {
        Query query = queries.images(filter);
        if (offset == 0) {
            return withMasks(filter, imageIds(searches.one("page images", imagePage(query, (int) offset, limit,
                    SortOrder.Asc))));
        }
        SearchResult<Void> histogram = searches.one("locate images", new Search(images, b -> b.size(0)
                .trackTotalHits(t -> t.enabled(false)).query(query)
                .aggregations("ranges", a -> a.histogram(h -> h.field(OpenSearchDocuments.IMAGE)
                        .interval(RANK_BUCKET).minDocCount(1)))));
        long before = 0;
        for (HistogramBucket bucket : histogram.aggregations().get("ranges").histogram().buckets().array()) {
            if (offset < before + bucket.docCount()) {
                long from = (long) bucket.key();
                Query inRange = OpenSearchQueries.and(query, OpenSearchDocuments.IMAGE, from, null);
                return withMasks(filter, imageIds(searches.one("page images",
                        imagePage(inRange, (int) (offset - before), limit, SortOrder.Asc))));
            }
            before += bucket.docCount();
        }
        return List.of();
    }

    long neighbourImage(MaskFilter filter, long imageId, boolean forward) {
        Query query = forward ? OpenSearchQueries.and(queries.images(filter), OpenSearchDocuments.IMAGE, imageId + 1, null)
                : OpenSearchQueries.and(queries.images(filter), OpenSearchDocuments.IMAGE, null, imageId - 1);
        List<Long> found = imageIds(searches.one("find the next image", imagePage(query, 0, 1,
                forward ? SortOrder.Asc : SortOrder.Desc)));
        return found.isEmpty() ? -1 : found.getFirst();
    }

    List<Long> matchingMasks(MaskFilter filter, long imageId) {
        List<ImagePage.ImageHit> hits = withMasks(filter, List.of(imageId));
        return hits.isEmpty() ? List.of() : hits.getFirst().maskIds();
    }

    private Search imagePage(Query query, int from, int size, SortOrder order) {
        return new Search(images, b -> b.from(from).size(size).trackTotalHits(t -> t.enabled(false)).query(query)
                .sort(s -> s.field(f -> f.field(OpenSearchDocuments.IMAGE).order(order))));
    }

    private static List<Long> imageIds(SearchResult<Void> result) {
        List<Long> ids = new ArrayList<>();
        for (Hit<Void> hit : result.hits().hits()) {
            ids.add(hit.sort().getFirst().longValue());
        }
        return ids;
    }

    /** The images (ascending ids) with their matching masks, from one walk over the masks of their id range. */
    private List<ImagePage.ImageHit> withMasks(MaskFilter filter, List<Long> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Query inRange = OpenSearchQueries.and(queries.masks(filter), OpenSearchDocuments.IMAGE, page.getFirst(),
                page.getLast());
        Map<Long, List<Long>> byImage = new TreeMap<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> position = after;
            SearchResult<Void> result = searches.one("find the masks of images", new Search(masks, b -> {
                b.size(WINDOW).trackTotalHits(t -> t.enabled(false)).query(inRange)
                        .sort(List.of(field(OpenSearchDocuments.IMAGE, SortOrder.Asc),
                                field(OpenSearchDocuments.ID, SortOrder.Asc)));
                if (position != null) {
                    b.searchAfter(position);
                }
                return b;
            }));
            List<Hit<Void>> hits = result.hits().hits();
            for (Hit<Void> hit : hits) {
                byImage.computeIfAbsent(hit.sort().get(0).longValue(), image -> new ArrayList<>())
                        .add(hit.sort().get(1).longValue());
            }
            if (hits.size() < WINDOW) {
                break;
            }
            after = hits.getLast().sort();
        }
        List<ImagePage.ImageHit> hits = new ArrayList<>(page.size());
        for (long image : page) {
            List<Long> found = byImage.get(image);
            if (found != null) {
                hits.add(new ImagePage.ImageHit(image, List.copyOf(found)));
            }
        }
        return hits;
    }

    /** The sort of a page of masks; every field it names needs an index as well as doc values (see the mapping). */
    static List<SortOptions> sorts(MaskSort sort) {
        SortOptions id = field(OpenSearchDocuments.ID, SortOrder.Asc);
        return switch (sort) {
            case ID -> List.of(id);
            case AREA -> List.of(area(SortOrder.Asc), id);
            case AREA_DESCENDING -> List.of(area(SortOrder.Desc), id);
            case RELEASE -> List.of(field(OpenSearchDocuments.ORDER, SortOrder.Asc), id);
        };
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order)));
    }

    /** Masks of unknown area last either way; their sort value is then the far end of a long, as in Lucene. */
    private static SortOptions area(SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(OpenSearchDocuments.AREA).order(order)
                .missing(FieldValue.of("_last"))));
    }

    private static FieldValue fieldValue(Object value) {
        return value instanceof String text ? FieldValue.of(text) : FieldValue.of((Long) value);
    }

    private static Object value(FieldValue value) {
        return value.isString() ? value.stringValue() : (Object) value.longValue();
    }
}
