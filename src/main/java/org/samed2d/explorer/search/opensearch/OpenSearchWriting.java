package org.samed2d.explorer.search.opensearch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchAsyncClient;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.SearchUnavailableException;
import org.samed2d.explorer.search.engine.IndexWriting;
import org.samed2d.explorer.search.opensearch.OpenSearchIndices.Generation;

/**
 * Writes one generation with the bulk API: each changed mask's document, and the document of each image it is on,
 * made again from all that image's masks as the catalog has them (an image without masks loses its document).
 * Only the holder of the indexer's lock writes, so operations need no versions; replaying a change rewrites the
 * same documents. A fresh generation becomes the live one when published.
 */
final class OpenSearchWriting implements IndexWriting {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OpenSearchWriting.class);

    /** Bulk requests on their way at once. */
    private static final int IN_FLIGHT = 3;

    private final OpenSearchClient client;
    private final OpenSearchAsyncClient async;
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
        this.async = new OpenSearchAsyncClient(client._transport());
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
        List<BulkOperation> operations = new ArrayList<>(masks.size() * 5 / 4);
        Set<Long> images = new LinkedHashSet<>();
        for (IndexedMask mask : masks) {
            operations.add(BulkOperation.of(o -> o.index(i -> i.index(generation.masks())
                    .id(Long.toString(mask.id())).document(documents.mask(mask)))));
            images.add(mask.imageId());
        }
        // one stream of bulk requests for both indices: their primaries are on different nodes, which then write at
        // once (sent one index after the other, each node waited while the other wrote)
        operations.addAll(imageOperations(images));
        send(operations);
    }

    @Override
    public void remove(Collection<Long> maskIds) {
        if (maskIds.isEmpty() || fresh) {
            // a fresh generation has none of them: it is filled from the catalog, which no longer has them
            return;
        }
        Set<Long> images = imagesOf(maskIds);
        List<BulkOperation> operations = new ArrayList<>(maskIds.size());
        for (long id : maskIds) {
            operations.add(BulkOperation.of(o -> o.delete(d -> d.index(generation.masks()).id(Long.toString(id)))));
        }
        operations.addAll(imageOperations(images));
        send(operations);
    }

    @Override
    public void checkpoint(long appliedChange) {
        OpenSearchCalls.call("record the index's catalog change", () -> {
            indices.record(generation, appliedChange);
            return null;
        });
    }

    @Override
    public void publish(long appliedChange) {
        OpenSearchCalls.call("publish the index", () -> {
            long started = System.nanoTime();
            indices.refresh(generation);
            long refreshed = System.nanoTime();
            if (fresh) {
                indices.replicate(generation, replicas);
            }
            long replicated = System.nanoTime();
            indices.record(generation, appliedChange);
            if (fresh) {
                indices.attach(generation);
                log.info("Search index {} published: refreshed in {} ms, flushed and given {} replica(s) in {} ms, "
                        + "aliases moved in {} ms", generation.masks(), (refreshed - started) / 1_000_000, replicas,
                        (replicated - refreshed) / 1_000_000, (System.nanoTime() - replicated) / 1_000_000);
            }
            return null;
        });
    }

    /** What rewrites these images' documents from the catalog. */
    private List<BulkOperation> imageOperations(Set<Long> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        Map<Long, List<IndexedMask>> byImage = new LinkedHashMap<>();
        for (long image : images) {
            byImage.put(image, new ArrayList<>());
        }
        for (IndexedMask mask : imageMasks.of(images)) {
            List<IndexedMask> of = byImage.get(mask.imageId());
            if (of != null) {
                of.add(mask);
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

    /**
     * Sends the operations in bulk requests of {@code bulkDocuments}, a few at a time: one request at a time leaves
     * the cluster idle while each one travels and is parsed.
     */
    private void send(List<BulkOperation> operations) {
        java.util.ArrayDeque<java.util.concurrent.CompletableFuture<BulkResponse>> inFlight = new java.util.ArrayDeque<>();
        for (int from = 0; from < operations.size(); from += bulkDocuments) {
            List<BulkOperation> part = operations.subList(from, Math.min(operations.size(), from + bulkDocuments));
            if (inFlight.size() == IN_FLIGHT) {
                check(await(inFlight.removeFirst()));
            }
            inFlight.add(OpenSearchCalls.call("write the index", () -> async.bulk(b -> b.operations(part))));
        }
        while (!inFlight.isEmpty()) {
            check(await(inFlight.removeFirst()));
        }
    }

    private static BulkResponse await(java.util.concurrent.CompletableFuture<BulkResponse> response) {
        try {
            return response.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return OpenSearchCalls.call("write the index", () -> {
                if (cause instanceof java.io.IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            });
        }
    }

    private static void check(BulkResponse response) {
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null) {
                    String problem = "the search cluster did not write " + item.index() + "/" + item.id() + ": "
                            + item.error().reason();
                    if (OpenSearchCalls.unavailable(item.status())) {
                        throw new SearchUnavailableException(problem, null);
                    }
                    throw new IllegalStateException(problem);
                }
            }
        }
    }
}
