package org.samed2d.explorer.search.opensearch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.AggregationRange;
import org.opensearch.client.opensearch._types.aggregations.RangeBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsAggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.SearchResult;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.engine.AreaBins;
import org.samed2d.explorer.search.engine.CellFacets;
import org.samed2d.explorer.search.engine.CellTable;
import org.samed2d.explorer.search.engine.FractionBins;
import org.samed2d.explorer.search.opensearch.OpenSearchSearches.Search;

/**
 * Counts and facets in one multi-search of three small searches: mask counts per cell under the filters that are
 * not dimensions (one terms aggregation of a few thousand buckets, whose body does not depend on the dimension
 * filters, so clicking values is answered from the request cache; where there are no other filters, counted on the
 * cells index's count documents instead of every mask), the area histogram under every filter but the area range
 * (at most 64 buckets; where those filters are dimensions only, counted on the cells index too), and the exact
 * number of images, counted as image documents a nested query matches. Dimension filters are then applied to
 * cells by {@link CellFacets}, as in the embedded engine.
 */
final class OpenSearchFacets {

    /** More cells than any catalog has; an answer that does not fit is refused rather than cut short. */
    private static final int MAX_CELLS = 65_000;
    private static final int MAX_VALUES = 65_000;
    private static final String PENDING = "pending";

    private final OpenSearchSearches searches;
    private final OpenSearchQueries queries;
    private final String masks;
    private final String images;
    private final String cells;
    private final CellTable table = new CellTable();

    OpenSearchFacets(OpenSearchSearches searches, OpenSearchQueries queries, String masks, String images,
                     String cells) {
        this.searches = searches;
        this.queries = queries;
        this.masks = masks;
        this.images = images;
        this.cells = cells;
    }

    MaskCounts counts(MaskFilter filter) {
        List<SearchResult<Void>> results = searches.run("count masks", List.of(maskTotal(filter), imageTotal(filter)));
        return new MaskCounts(results.get(0).hits().total().value(), results.get(1).hits().total().value());
    }

    FacetCounts facets(MaskFilter filter) {
        List<SearchResult<Void>> results = searches.run("count facets", List.of(cellCounts(filter),
                histogram(filter), imageTotal(filter)));
        SearchResult<Void> counted = results.get(0);
        if (marked(counted)) {
            counted = searches.one("count facets", cellCountsOfMasks(filter));
        }
        StringTermsAggregate cellCounts = OpenSearchCalls.exact(counted.aggregations().get("cells")).sterms();
        List<StringTermsBucket> buckets = cellCounts.buckets().array();
        int[] numbers = table.intern(buckets.stream().map(StringTermsBucket::key).toList());
        CellFacets.Selection selection = CellFacets.select(table.view(), filter);
        long[] withArea = new long[selection.cells().size()];
        for (int i = 0; i < numbers.length; i++) {
            withArea[numbers[i]] = buckets.get(i).docCount();
        }
        return CellFacets.tally(selection, filter, withArea, bins(filter, results.get(1)),
                results.get(2).hits().total().value());
    }

    /**
     * The same facets counted the textbook way, one filtered aggregation per dimension (each with every filter but
     * its own); kept to measure the cell form against in {@code bench-search}. Each dimension is a search of its own
     * in the same multi-search: this client version writes a filter aggregation's sub-aggregations where the server
     * does not read them, and the work on the cluster is the same.
     */
    FacetCounts facetsPerDimension(MaskFilter filter) {
        List<Search> perDimension = new ArrayList<>();
        for (FacetDimension dimension : FacetDimension.values()) {
            Query others = queries.masks(without(filter, dimension));
            perDimension.add(new Search(masks, b -> b.size(0).trackTotalHits(t -> t.enabled(false)).query(others)
                    .aggregations("values", terms(dimension.parameter(), MAX_VALUES))));
        }
        perDimension.add(maskTotal(filter));
        perDimension.add(histogramOfMasks(filter));
        perDimension.add(imageTotal(filter));
        List<SearchResult<Void>> results = searches.run("count facets", perDimension);
        Map<FacetDimension, Map<String, Long>> values = new EnumMap<>(FacetDimension.class);
        for (FacetDimension dimension : FacetDimension.values()) {
            Map<String, Long> counts = new HashMap<>();
            OpenSearchCalls.exact(results.get(dimension.ordinal()).aggregations().get("values")).sterms().buckets()
                    .array().forEach(bucket -> counts.put(bucket.key(), bucket.docCount()));
            values.put(dimension, counts);
        }
        int after = FacetDimension.values().length;
        MaskCounts counts = new MaskCounts(results.get(after).hits().total().value(),
                results.get(after + 2).hits().total().value());
        return CellFacets.ofValues(counts, values, filter, bins(results.get(after + 1)));
    }

    /**
     * The area-fraction histogram as one range aggregation under every filter but the fraction range: ranges are
     * {@code [from, to)} and the bounds powers of two, exact in a double, so each mask lands in the bin the embedded
     * engine puts it in; masks without a measured area have no fraction and fall in no range.
     */
    List<FacetCounts.FractionBin> fractionHistogram(MaskFilter filter) {
        MaskFilter others = new MaskFilter(filter.values(), filter.area(), filter.width(), filter.height(),
                MaskFilter.FractionBounds.ANY, filter.text());
        List<AggregationRange> ranges = new ArrayList<>();
        for (int bin = 0; bin <= FractionBins.LAST; bin++) {
            double from = FractionBins.min(bin);
            double to = FractionBins.max(bin);
            int key = bin;
            ranges.add(AggregationRange.of(r -> {
                r.key(Integer.toString(key));
                if (key != FractionBins.LAST) {
                    r.from(JsonData.of(from));
                }
                return key == 0 ? r : r.to(JsonData.of(to));
            }));
        }
        Search search = new Search(masks, b -> b.size(0).trackTotalHits(t -> t.enabled(false))
                .query(queries.masks(others)).aggregations("fractions",
                        Aggregation.of(a -> a.range(r -> r.field(OpenSearchDocuments.AREA_FRACTION).ranges(ranges)))));
        long[] counts = new long[FractionBins.LAST + 1];
        for (RangeBucket bucket : searches.one("count area fractions", search).aggregations().get("fractions")
                .range().buckets().array()) {
            counts[Integer.parseInt(bucket.key())] = bucket.docCount();
        }
        return FractionBins.histogram(counts);
    }

    /**
     * The masks per cell under the filters that are not dimensions: where there are none, from the cells index's
     * count documents (tens of thousands instead of every mask), with the number of cells marked pending beside it;
     * otherwise on the masks.
     */
    private Search cellCounts(MaskFilter filter) {
        if (!OpenSearchQueries.dimensionsOnly(filter)) {
            return cellCountsOfMasks(filter);
        }
        return new Search(cells, b -> b.size(0).trackTotalHits(t -> t.enabled(false))
                .aggregations("cells", terms(OpenSearchDocuments.CELL, MAX_CELLS))
                .aggregations(PENDING, Aggregation.of(a -> a.filter(pendingCells()))));
    }

    private Search cellCountsOfMasks(MaskFilter filter) {
        return new Search(masks, b -> b.size(0).trackTotalHits(t -> t.enabled(false))
                .query(queries.nonDimensions(filter))
                .aggregations("cells", terms(OpenSearchDocuments.CELL, MAX_CELLS)));
    }

    private static Query pendingCells() {
        return Query.of(q -> q.exists(e -> e.field(OpenSearchDocuments.PENDING_CELL)));
    }

    /**
     * Whether a search of the cells index saw cells marked pending, which the indexer is counting again after it
     * made their masks' changes visible (marks become visible before the masks and go with the new counts in one
     * refresh): its answer is then counted again on the masks, so that none mixes new masks with old counts.
     */
    private static boolean marked(SearchResult<Void> result) {
        Aggregate pending = result.aggregations().get(PENDING);
        return pending != null && pending.filter().docCount() > 0;
    }

    /**
     * The area histogram under every filter but the area range: where those filters are dimensions only, from the
     * cells index, whose count documents weigh as many masks as they count (a few thousand documents instead of
     * every matching mask), with the number of cells marked pending beside it; otherwise on the masks themselves.
     */
    private Search histogram(MaskFilter filter) {
        if (!OpenSearchQueries.dimensionsOnly(filter.withoutArea())) {
            return histogramOfMasks(filter);
        }
        Query pending = pendingCells();
        Query countsOrPending = Query.of(q -> q.bool(b -> b.should(queries.withoutArea(filter), pending)
                .minimumShouldMatch("1")));
        return new Search(cells, b -> b.size(0).trackTotalHits(t -> t.enabled(false)).query(countsOrPending)
                .aggregations("bins", terms(OpenSearchDocuments.AREA_BIN, AreaBins.COUNT))
                .aggregations(PENDING, Aggregation.of(a -> a.filter(pending))));
    }

    /** The histogram's bins; counted again on the masks when the cells index had cells marked pending. */
    private long[] bins(MaskFilter filter, SearchResult<Void> histogram) {
        if (marked(histogram)) {
            return bins(searches.one("count the area histogram", histogramOfMasks(filter)));
        }
        return bins(histogram);
    }

    /** The area histogram counted on the masks themselves, as the textbook form does. */
    private Search histogramOfMasks(MaskFilter filter) {
        return new Search(masks, b -> b.size(0).trackTotalHits(t -> t.enabled(false))
                .query(queries.withoutArea(filter))
                .aggregations("bins", terms(OpenSearchDocuments.AREA_BIN, AreaBins.COUNT)));
    }

    private Search maskTotal(MaskFilter filter) {
        return new Search(masks, b -> b.size(0).trackTotalHits(t -> t.enabled(true)).query(queries.masks(filter)));
    }

    Search imageTotal(MaskFilter filter) {
        return new Search(images, b -> b.size(0).trackTotalHits(t -> t.enabled(true)).query(queries.images(filter)));
    }

    private static long[] bins(SearchResult<Void> result) {
        long[] histogram = new long[AreaBins.COUNT];
        for (StringTermsBucket bucket : OpenSearchCalls.exact(result.aggregations().get("bins")).sterms().buckets()
                .array()) {
            histogram[Integer.parseInt(bucket.key())] = bucket.docCount();
        }
        return histogram;
    }

    private static Aggregation terms(String field, int size) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(size).shardSize(size)));
    }

    private static MaskFilter without(MaskFilter filter, FacetDimension dimension) {
        Map<FacetDimension, java.util.SortedSet<String>> values = new EnumMap<>(FacetDimension.class);
        values.putAll(filter.values());
        values.remove(dimension);
        return new MaskFilter(values, filter.area(), filter.width(), filter.height(), filter.areaFraction(),
                filter.text());
    }

}
