package org.samed2d.explorer.search.opensearch;

import java.io.IOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.nodes.stats.JvmMemoryStats;
import org.opensearch.client.opensearch.nodes.stats.NodesStatsMetric;
import org.opensearch.client.opensearch.nodes.stats.Pool;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.search.NodeHeap;
import org.samed2d.explorer.search.RegionMap;
import org.samed2d.explorer.search.engine.CatalogPosition;
import org.samed2d.explorer.search.engine.ImageHits;
import org.samed2d.explorer.search.engine.IndexWriting;
import org.samed2d.explorer.search.engine.MaskFields;
import org.samed2d.explorer.search.engine.MaskHits;
import org.samed2d.explorer.search.engine.SearchEngine;
import org.samed2d.explorer.search.engine.SortValues;
import org.samed2d.explorer.search.opensearch.OpenSearchIndices.Generation;

/**
 * The shared engine: one OpenSearch cluster for every portal instance, read through two aliases (mask documents
 * and image documents). Nothing is sent until the first call; the indexer makes the first generation when the
 * cluster has none. A cluster that cannot answer makes calls throw {@code SearchUnavailableException}, and the
 * engine carries on when it is back.
 */
public final class OpenSearchEngine implements SearchEngine {

    private final OpenSearchClient client;
    private final OpenSearchSettings settings;
    private final OpenSearchIndices indices;
    private final OpenSearchDocuments documents;
    private final ImageMasks imageMasks;
    private final OpenSearchFacets facets;
    private final OpenSearchPages pages;

    private OpenSearchEngine(OpenSearchClient client, OpenSearchSettings settings, RegionMap regions,
                             ImageMasks imageMasks) {
        this.client = client;
        this.settings = settings;
        this.indices = new OpenSearchIndices(client, settings, Clock.systemUTC());
        this.documents = new OpenSearchDocuments(new MaskFields(regions));
        this.imageMasks = imageMasks;
        OpenSearchSearches searches = new OpenSearchSearches(client, settings.requestCache());
        OpenSearchQueries queries = new OpenSearchQueries();
        this.facets = new OpenSearchFacets(searches, queries, indices.masksAlias(), indices.imagesAlias(),
                indices.cellsAlias());
        this.pages = new OpenSearchPages(searches, queries, facets, indices.masksAlias(), indices.imagesAlias());
    }

    /**
     * An engine on the cluster these settings name; contacts it only when first used.
     *
     * @param imageMasks where an image's masks come from when one of them changes
     */
    public static OpenSearchEngine connect(OpenSearchSettings settings, RegionMap regions, ImageMasks imageMasks) {
        return new OpenSearchEngine(OpenSearchClients.of(settings), settings, regions, imageMasks);
    }

    @Override
    public MaskCounts counts(MaskFilter filter) {
        return facets.counts(filter);
    }

    @Override
    public FacetCounts facets(MaskFilter filter) {
        return facets.facets(filter);
    }

    @Override
    public List<FacetCounts.FractionBin> fractionHistogram(MaskFilter filter) {
        return facets.fractionHistogram(filter);
    }

    /** The same facets counted with one filter aggregation per dimension: for comparing the two in the bench. */
    public FacetCounts facetsPerDimension(MaskFilter filter) {
        return facets.facetsPerDimension(filter);
    }

    /** Empties the shards' request cache of both indices: for measuring each facet form on answers it has not cached. */
    public void clearRequestCache() {
        OpenSearchCalls.call("clear the request cache", () -> client.indices().clearCache(c -> c
                .index(indices.masksAlias(), indices.imagesAlias(), indices.cellsAlias()).request(true).query(false).fielddata(false)));
    }

    /** Each node's heap, from the nodes' statistics, in the order of their names. */
    public List<NodeHeap> nodeHeaps() {
        return OpenSearchCalls.call("read the nodes' heap statistics", () -> client.nodes()
                        .stats(s -> s.metric(NodesStatsMetric.Jvm)))
                .nodes().values().stream()
                .map(node -> {
                    JvmMemoryStats memory = node.jvm().mem();
                    Pool old = memory.pools().get("old");
                    return new NodeHeap(node.name(), memory.heapMaxInBytes(),
                            old == null || old.lastGcStats() == null ? -1 : old.lastGcStats().usedInBytes(),
                            old == null ? -1 : old.peakUsedInBytes());
                })
                .sorted(Comparator.comparing(NodeHeap::node))
                .toList();
    }

    @Override
    public MaskHits masks(MaskFilter filter, MaskSort sort, int limit, @Nullable SortValues after) {
        return pages.masks(filter, sort, limit, after);
    }

    @Override
    public ImageHits images(MaskFilter filter, long afterImage, int limit) {
        return pages.images(filter, afterImage, limit);
    }

    @Override
    public List<ImagePage.ImageHit> imagesAt(MaskFilter filter, long offset, int limit) {
        return pages.imagesAt(filter, offset, limit);
    }

    @Override
    public long neighbourImage(MaskFilter filter, long imageId, boolean forward) {
        return pages.neighbourImage(filter, imageId, forward);
    }

    @Override
    public List<Long> matchingMasks(MaskFilter filter, long imageId) {
        return pages.matchingMasks(filter, imageId);
    }

    @Override
    public CatalogPosition position() {
        Generation generation = live();
        return OpenSearchCalls.call("read the index's catalog position", () -> indices.recorded(generation))
                .position();
    }

    @Override
    public boolean current() {
        Generation generation = live();
        return OpenSearchCalls.call("read the index's version", () -> indices.recorded(generation))
                .mappingVersion() == OpenSearchIndices.MAPPING_VERSION;
    }

    @Override
    public long documentCount() {
        live();
        return OpenSearchCalls.call("count the index's masks", () -> client.count(c -> c.index(indices.masksAlias())))
                .count();
    }

    @Override
    public IndexWriting update() {
        return new OpenSearchWriting(client, indices, documents, imageMasks, live(), false, settings);
    }

    @Override
    public IndexWriting rebuild() {
        Generation generation = OpenSearchCalls.call("start a new index", () -> {
            Generation current = live();
            // what a rebuild that stopped half-way left behind
            indices.deleteAllBut(current);
            // no replicas while it is built: they are copied once, when it is done
            return indices.create(0);
        });
        return new OpenSearchWriting(client, indices, documents, imageMasks, generation, true, settings);
    }

    @Override
    public boolean shared() {
        return true;
    }

    /** The live generation, made (empty) when the cluster has none yet: for the writer, who holds the lock. */
    private Generation live() {
        return OpenSearchCalls.call("find the index", () -> {
            Generation found = indices.live();
            if (found != null) {
                return found;
            }
            Generation made = indices.create(settings.replicas());
            indices.attach(made);
            return made;
        });
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not close the connection to the search cluster", e);
        }
    }
}
