package org.samed2d.explorer.search.opensearch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregate;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.engine.MaskFields;
import org.samed2d.explorer.search.opensearch.OpenSearchIndices.Generation;

/**
 * The masks of each cell (a tuple of dimension values) per area bin, as count documents in the generation's cells
 * index that weigh as many documents as they count masks ({@code _doc_count}), so that the area histogram under
 * dimension filters adds up a few thousand counts instead of visiting every matching mask. Counts are never
 * incremented: a cell whose masks are about to change is first marked pending (a document of its own, durable
 * before the masks change), and pending cells are counted again from the masks index once it is refreshed, their
 * marks removed last. A writer that stops anywhere leaves marks that the next publish counts, so the counts cannot
 * drift from the masks.
 */
final class OpenSearchCellCounts {

    /** Cells counted by one search: a cell and each of its bins are buckets, kept well below search.max_buckets. */
    private static final int CELLS_PER_SEARCH = 500;
    /** Mask ids looked up by one search. */
    private static final int IDS_PER_SEARCH = 10_000;
    /** More cells than any catalog has; an answer that does not fit is refused rather than cut short. */
    private static final int MAX_CELLS = 65_000;
    /** Cell and bin pairs per page of a recount (a cell has at most 64 bins). */
    private static final int PAIRS_PER_PAGE = 10_000;
    private static final String CELL_KEY = "cell";
    private static final String BIN_KEY = "bin";

    private final OpenSearchClient client;
    private final OpenSearchBulk bulk;
    private final Generation generation;
    /** Cells this writing has marked already. */
    private final Set<String> marked = new HashSet<>();

    OpenSearchCellCounts(OpenSearchClient client, OpenSearchBulk bulk, Generation generation) {
        this.client = client;
        this.bulk = bulk;
        this.generation = generation;
    }

    /**
     * The cells the documents of these masks are in now. Documents written since the last refresh are not seen, but
     * their cells were marked before they were written and stay marked until a refresh has made them visible.
     */
    Set<String> cellsOf(Collection<Long> maskIds) {
        Set<String> cells = new HashSet<>();
        List<String> ids = maskIds.stream().map(String::valueOf).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_SEARCH) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_SEARCH));
            cells.addAll(values(generation.masks(), Query.of(q -> q.ids(i -> i.values(part))),
                    OpenSearchDocuments.CELL));
        }
        return cells;
    }

    /** Marks cells whose masks are about to change; returns once the marks are durable. */
    void markPending(Collection<String> cells) {
        List<String> unmarked = cells.stream().distinct().filter(cell -> !marked.contains(cell)).toList();
        bulk.send(unmarked.stream().map(cell -> BulkOperation.of(o -> o.index(i -> i.index(generation.cells())
                .id(pendingId(cell)).document(Map.of(OpenSearchDocuments.PENDING_CELL, cell))))).toList());
        marked.addAll(unmarked);
    }

    /** Counts the marked cells again from the masks index, which must be refreshed, then removes their marks. */
    void recountPending() {
        Query marks = Query.of(q -> q.exists(e -> e.field(OpenSearchDocuments.PENDING_CELL)));
        List<String> pending = values(generation.cells(), marks, OpenSearchDocuments.PENDING_CELL);
        recount(pending);
        bulk.send(pending.stream().map(cell -> BulkOperation.of(o -> o.delete(d -> d.index(generation.cells())
                .id(pendingId(cell))))).toList());
        marked.clear();
    }

    /** Counts every cell of a generation built from empty, once its masks index is refreshed. */
    void countAll() {
        recount(values(generation.masks(), Query.of(q -> q.matchAll(all -> all)), OpenSearchDocuments.CELL));
    }

    private void recount(List<String> cells) {
        for (int from = 0; from < cells.size(); from += CELLS_PER_SEARCH) {
            List<String> part = cells.subList(from, Math.min(cells.size(), from + CELLS_PER_SEARCH));
            Map<String, Map<String, Long>> now = perBin(generation.masks(), part);
            Map<String, Map<String, Long>> stored = perBin(generation.cells(), part);
            List<BulkOperation> writes = new ArrayList<>();
            now.forEach((cell, bins) -> bins.forEach((bin, masks) -> writes.add(BulkOperation.of(o -> o.index(i -> i
                    .index(generation.cells()).id(countId(cell, bin)).document(countDocument(cell, bin, masks)))))));
            stored.forEach((cell, bins) -> bins.keySet().forEach(bin -> {
                if (!now.getOrDefault(cell, Map.of()).containsKey(bin)) {
                    writes.add(BulkOperation.of(o -> o.delete(d -> d.index(generation.cells())
                            .id(countId(cell, bin)))));
                }
            }));
            bulk.send(writes);
        }
    }

    /**
     * Per cell and area bin, how many masks an index's documents of these cells hold (a mask document holds one, a
     * count document its weight): a composite aggregation, paged, since this client writes a terms aggregation's
     * sub-aggregations where the server does not read them.
     */
    private Map<String, Map<String, Long>> perBin(String index, List<String> cells) {
        List<FieldValue> terms = cells.stream().map(FieldValue::of).toList();
        Query ofCells = Query.of(q -> q.terms(t -> t.field(OpenSearchDocuments.CELL).terms(v -> v.value(terms))));
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            Aggregation pairs = Aggregation.of(a -> a.composite(c -> {
                c.size(PAIRS_PER_PAGE).sources(
                        Map.of(CELL_KEY, source(OpenSearchDocuments.CELL)),
                        Map.of(BIN_KEY, source(OpenSearchDocuments.AREA_BIN)));
                return from == null ? c : c.after(from);
            }));
            CompositeAggregate page = search(index, ofCells, pairs).aggregations().get("values").composite();
            for (CompositeBucket bucket : page.buckets().array()) {
                counts.computeIfAbsent(bucket.key().get(CELL_KEY).stringValue(), cell -> new HashMap<>())
                        .put(bucket.key().get(BIN_KEY).stringValue(), bucket.docCount());
            }
            after = page.buckets().array().size() < PAIRS_PER_PAGE ? null : page.afterKey();
        } while (after != null);
        return counts;
    }

    private static CompositeAggregationSource source(String field) {
        return CompositeAggregationSource.of(s -> s.terms(t -> t.field(field)));
    }

    /** The distinct values of a keyword field in the documents a query matches. */
    private List<String> values(String index, Query query, String field) {
        SearchResponse<Void> response = search(index, query, Aggregation.of(a -> a.terms(t -> t.field(field)
                .size(MAX_CELLS).shardSize(MAX_CELLS))));
        return OpenSearchCalls.exact(response.aggregations().get("values")).sterms().buckets().array().stream()
                .map(StringTermsBucket::key).toList();
    }

    private SearchResponse<Void> search(String index, Query query, Aggregation values) {
        String what = "count the index's cells";
        SearchResponse<Void> response = OpenSearchCalls.call(what, () -> client.search(s -> s.index(index).size(0)
                .trackTotalHits(t -> t.enabled(false)).requestCache(false).query(query)
                .aggregations("values", values), Void.class));
        OpenSearchCalls.complete(what, response.shards(), response.timedOut());
        return response;
    }

    private static Map<String, Object> countDocument(String cell, String bin, long masks) {
        String[] values = MaskFields.decodeCell(cell);
        Map<String, Object> document = new HashMap<>();
        for (FacetDimension dimension : FacetDimension.values()) {
            document.put(dimension.parameter(), values[dimension.ordinal()]);
        }
        document.put(OpenSearchDocuments.CELL, cell);
        document.put(OpenSearchDocuments.AREA_BIN, bin);
        document.put(OpenSearchDocuments.DOC_COUNT, masks);
        return document;
    }

    /** Ids stay short and of one form whatever the values in a cell (an id may not exceed 512 bytes). */
    private static String countId(String cell, String bin) {
        return "n" + bin + "-" + UUID.nameUUIDFromBytes(cell.getBytes(StandardCharsets.UTF_8));
    }

    private static String pendingId(String cell) {
        return "p-" + UUID.nameUUIDFromBytes(cell.getBytes(StandardCharsets.UTF_8));
    }
}
