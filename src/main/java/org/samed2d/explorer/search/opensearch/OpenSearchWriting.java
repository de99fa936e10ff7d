package org.samed2d.explorer.search.opensearch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.engine.CatalogPosition;
import org.samed2d.explorer.search.engine.IndexWriting;
import org.samed2d.explorer.search.opensearch.OpenSearchDocuments.MaskValues;
import org.samed2d.explorer.search.opensearch.OpenSearchIndices.Generation;

/**
 * Writes one generation with the bulk API: each changed mask's document, the document of each image it is on, made
 * again from all that image's masks as the catalog has them (an image without masks loses its document), and the
 * counts of the cells they were and are in ({@link OpenSearchCellCounts}). Only the holder of the indexer's lock
 * writes, so operations need no versions; replaying a change rewrites the same documents. A fresh generation becomes
 * the live one when published.
 */
final class OpenSearchWriting implements IndexWriting {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OpenSearchWriting.class);

    private final OpenSearchClient client;
    private final OpenSearchBulk bulk;
    private final OpenSearchCellCounts cellCounts;
    private final OpenSearchIndices indices;
    private final OpenSearchDocuments documents;
    private final ImageMasks imageMasks;
    private final Generation generation;
    private final boolean fresh;
    private final int replicas;
    private final int bulkDocuments;

    OpenSearchWriting(OpenSearchClient client, OpenSearchIndices indices, OpenSearchDocuments documents,
                      ImageMasks imageMasks, Generation generation, boolean fresh, OpenSearchSettings settings) {
        this.client = client;
        this.bulk = new OpenSearchBulk(client, settings.bulkDocuments());
        this.cellCounts = new OpenSearchCellCounts(client, bulk, generation);
        this.indices = indices;
        this.documents = documents;
        this.imageMasks = imageMasks;
        this.generation = generation;
        this.fresh = fresh;
        this.replicas = settings.replicas();
        this.bulkDocuments = settings.bulkDocuments();
    }

    @Override
    public void put(List<IndexedMask> masks, boolean absent) {
        Map<IndexedMask, MaskValues> written = new LinkedHashMap<>();
        masks.forEach(mask -> written.put(mask, documents.values(mask)));
        if (!fresh) {
            // a fresh generation is counted whole when it is published
            Set<String> cells = new HashSet<>();
            if (!absent) {
                cells.addAll(cellCounts.cellsOf(masks.stream().map(IndexedMask::id).toList()));
            }
            written.values().forEach(values -> cells.add(values.cell()));
            cellCounts.markPending(cells);
        }
        List<BulkOperation> operations = new ArrayList<>(masks.size() * 5 / 4);
        Set<Long> images = new LinkedHashSet<>();
        for (Map.Entry<IndexedMask, MaskValues> entry : written.entrySet()) {
            IndexedMask mask = entry.getKey();
            MaskValues values = entry.getValue();
            operations.add(BulkOperation.of(o -> o.index(i -> i.index(generation.masks())
                    .id(Long.toString(mask.id())).document(documents.mask(values)))));
            images.add(mask.imageId());
        }
        // one stream of bulk requests for both indices: their primaries are on different nodes, which then write at
        // once (sent one index after the other, each node waited while the other wrote)
        operations.addAll(imageOperations(images, written));
        bulk.send(operations);
    }

    @Override
    public void remove(Collection<Long> maskIds) {
        if (maskIds.isEmpty() || fresh) {
            // a fresh generation has none of them: it is filled from the catalog, which no longer has them
            return;
        }
        Set<Long> images = imagesOf(maskIds);
        cellCounts.markPending(cellCounts.cellsOf(maskIds));
        List<BulkOperation> operations = new ArrayList<>(maskIds.size());
        for (long id : maskIds) {
            operations.add(BulkOperation.of(o -> o.delete(d -> d.index(generation.masks()).id(Long.toString(id)))));
        }
        operations.addAll(imageOperations(images, Map.of()));
        bulk.send(operations);
    }

    @Override
    public void checkpoint(CatalogPosition position) {
        OpenSearchCalls.call("record the index's catalog position", () -> {
            indices.record(generation, position);
            return null;
        });
    }

    @Override
    public void publish(CatalogPosition position) {
        OpenSearchCalls.call("publish the index", () -> {
            long started = System.nanoTime();
            // the cells first: marks of changed cells are visible before the masks they mark (see OpenSearchFacets)
            indices.refreshCells(generation);
            indices.refresh(generation);
            if (fresh) {
                cellCounts.countAll();
            } else {
                cellCounts.recountPending();
            }
            indices.refreshCells(generation);
            long refreshed = System.nanoTime();
            if (fresh) {
                indices.replicate(generation, replicas);
            }
            long replicated = System.nanoTime();
            indices.record(generation, position);
            if (fresh) {
                indices.attach(generation);
                log.info("Search index {} published: refreshed and cells counted in {} ms, flushed and given {} "
                        + "replica(s) in {} ms, aliases moved in {} ms", generation.masks(), (refreshed - started) / 1_000_000, replicas,
                        (replicated - refreshed) / 1_000_000, (System.nanoTime() - replicated) / 1_000_000);
            }
            return null;
        });
    }

    /**
     * What rewrites these images' documents from the catalog, reusing the values of masks just written where the
     * catalog still has them as written.
     */
    private List<BulkOperation> imageOperations(Set<Long> images, Map<IndexedMask, MaskValues> written) {
        if (images.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MaskValues>> byImage = new LinkedHashMap<>();
        for (long image : images) {
            byImage.put(image, new ArrayList<>());
        }
        for (IndexedMask mask : imageMasks.of(images)) {
            List<MaskValues> of = byImage.get(mask.imageId());
            if (of != null) {
                MaskValues values = written.get(mask);
                of.add(values == null ? documents.values(mask) : values);
            }
        }
        List<BulkOperation> operations = new ArrayList<>(byImage.size());
        byImage.forEach((image, masks) -> operations.add(masks.isEmpty()
                ? BulkOperation.of(o -> o.delete(d -> d.index(generation.images()).id(Long.toString(image))))
                : BulkOperation.of(o -> o.index(i -> i.index(generation.images()).id(Long.toString(image))
                        .document(documents.image(image, masks))))));
        return operations;
    }

    /**
     * The images the given masks are on, from their documents' stored image id, read in real time: a mask written
     * but not yet refreshed (a catch-up that stopped before publishing) is found too.
     */
    private Set<Long> imagesOf(Collection<Long> maskIds) {
        Set<Long> images = new LinkedHashSet<>();
        List<String> ids = maskIds.stream().map(String::valueOf).toList();
        for (int from = 0; from < ids.size(); from += bulkDocuments) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + bulkDocuments));
            var found = OpenSearchCalls.call("find the images of removed masks", () -> client.mget(m -> m
                    .index(generation.masks()).ids(part).storedFields(OpenSearchDocuments.IMAGE), Void.class));
            for (var item : found.docs()) {
                if (item.isResult() && item.result().found()) {
                    JsonData image = item.result().fields().get(OpenSearchDocuments.IMAGE);
                    if (image != null) {
                        images.add(image.to(long[].class)[0]);
                    }
                }
            }
        }
        return images;
    }
}
