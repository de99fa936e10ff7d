package org.samed2d.explorer.search.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.opensearch.indices.TranslogDurability;
import org.opensearch.client.opensearch.indices.get_mapping.IndexMappingRecord;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Options;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.samed2d.explorer.search.engine.CatalogPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indices in the cluster: three per generation (masks, images and the masks counted per cell and area bin), the
 * live generation behind three aliases, the mappings from {@code search/opensearch/*-vN.json}, and in the masks
 * index's mapping metadata the mapping version and the catalog position (identity and change) the generation holds.
 * A rebuild writes a new generation and moves every alias to it in one request, so searches never see a half-built
 * one.
 */
final class OpenSearchIndices {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchIndices.class);
    /** The version of the mapping files this code writes; a live generation of another version is rebuilt. */
    static final int MAPPING_VERSION = 6;
    private static final String APPLIED_CHANGE = "appliedChange";
    private static final String CATALOG = "catalog";
    private static final String VERSION = "mappingVersion";
    private static final Duration BUILD_STEP = Duration.ofMinutes(30);

    /** A generation's concrete indices. */
    record Generation(String masks, String images, String cells) {

        List<String> all() {
            return List.of(masks, images, cells);
        }
    }

    private final OpenSearchClient client;
    /** For the calls that end a build (refresh, flush, replicas), which take minutes on a large generation. */
    private final OpenSearchClient patient;
    private final OpenSearchSettings settings;
    private final Clock clock;

    OpenSearchIndices(OpenSearchClient client, OpenSearchSettings settings, Clock clock) {
        this.client = client;
        this.patient = client.withTransportOptions(ApacheHttpClient5Options.DEFAULT.toBuilder()
                .setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(BUILD_STEP)).build()).build());
        this.settings = settings;
        this.clock = clock;
    }

    String masksAlias() {
        return settings.index() + "-masks";
    }

    String imagesAlias() {
        return settings.index() + "-images";
    }

    String cellsAlias() {
        return settings.index() + "-cells";
    }

    private List<String> aliases() {
        return List.of(masksAlias(), imagesAlias(), cellsAlias());
    }

    /** The generation behind the aliases, or null when there is none yet. */
    @Nullable Generation live() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(masksAlias())).value()) {
            return null;
        }
        List<String> masks = new ArrayList<>(client.indices().getAlias(a -> a.name(masksAlias())).result().keySet());
        if (masks.size() != 1) {
            throw new IllegalStateException("the alias " + masksAlias() + " names " + masks.size()
                    + " indices; it must name one");
        }
        return generationOf(masks.getFirst());
    }

    private Generation generationOf(String masksIndex) {
        String suffix = masksIndex.substring(masksAlias().length());
        return new Generation(masksIndex, imagesAlias() + suffix, cellsAlias() + suffix);
    }

    /**
     * Creates a generation's indices, empty and with no refreshes of their own (the writer refreshes when it
     * publishes).
     */
    Generation create(int replicas) throws IOException {
        String suffix = "-g" + clock.millis();
        Generation generation = new Generation(masksAlias() + suffix, imagesAlias() + suffix, cellsAlias() + suffix);
        client.indices().create(c -> c.index(generation.masks())
                .settings(settings(replicas)).mappings(mapping("masks")));
        client.indices().create(c -> c.index(generation.images())
                .settings(settings(replicas)).mappings(mapping("images")));
        client.indices().create(c -> c.index(generation.cells())
                .settings(settings(replicas)).mappings(mapping("cells")));
        return generation;
    }

    /**
     * Refreshed only when the writer publishes. Not sorted: Lucene skips to a keyset page's first document by the
     * points of the sort field as fast, and a sorted index built 10% slower. The translog is synced at the end of
     * each bulk request, also while a generation is built: with an asynchronous one the global checkpoint lagged the
     * flush that ends a build, that flush's commit was not the "safe" one a new replica copies, and the replica
     * re-indexed every operation instead (25-39 s instead of 2-7 s at 1M masks).
     */
    private IndexSettings settings(int replicas) {
        return IndexSettings.of(s -> s.numberOfShards(settings.shards()).numberOfReplicas(replicas)
                .refreshInterval(t -> t.time("-1")).translog(t -> t.durability(TranslogDurability.Request)));
    }

    private static TypeMapping mapping(String kind) {
        String resource = "/search/opensearch/" + kind + "-v" + MAPPING_VERSION + ".json";
        try (InputStream in = OpenSearchIndices.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return TypeMapping.of(m -> m.withJson(in).meta(VERSION, JsonData.of(MAPPING_VERSION))
                    .meta(APPLIED_CHANGE, JsonData.of(0L)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping version and catalog position recorded in a generation. */
    record Recorded(int mappingVersion, CatalogPosition position) {
    }

    Recorded recorded(Generation generation) throws IOException {
        Map<String, IndexMappingRecord> mappings = client.indices().getMapping(m -> m.index(generation.masks()))
                .result();
        IndexMappingRecord record = mappings.get(generation.masks());
        Map<String, JsonData> meta = record == null ? Map.of() : record.mappings().meta();
        JsonData catalog = meta.get(CATALOG);
        return new Recorded(number(meta.get(VERSION)).intValue(), new CatalogPosition(
                catalog == null ? null : catalog.to(String.class), number(meta.get(APPLIED_CHANGE)).longValue()));
    }

    private static Number number(@Nullable JsonData value) {
        return value == null ? 0 : value.to(Number.class);
    }

    /** Records the catalog position a generation holds everything up to (after its writes are durable). */
    void record(Generation generation, CatalogPosition position) throws IOException {
        client.indices().putMapping(m -> {
            m.index(generation.masks()).meta(VERSION, JsonData.of(MAPPING_VERSION))
                    .meta(APPLIED_CHANGE, JsonData.of(position.change()));
            if (position.catalog() != null) {
                m.meta(CATALOG, JsonData.of(position.catalog()));
            }
            return m;
        });
    }

    void refresh(Generation generation) throws IOException {
        patient.indices().refresh(r -> r.index(generation.masks(), generation.images()));
    }

    void refreshCells(Generation generation) throws IOException {
        patient.indices().refresh(r -> r.index(generation.cells()));
    }

    /**
     * Makes a built generation durable, gives it its replicas and waits (a while) until they are there. The flushes
     * (Lucene commits) come first so that replicas copy segment files rather than replay every operation: the
     * second one records the global checkpoint the first one made durable, so its commit is the safe one.
     */
    void replicate(Generation generation, int replicas) throws IOException {
        List<String> all = generation.all();
        patient.indices().flush(f -> f.index(all));
        patient.indices().flush(f -> f.index(all).force(true));
        patient.indices().putSettings(s -> s.index(all).settings(i -> i.numberOfReplicas(replicas)));
        long deadline = System.nanoTime() + BUILD_STEP.toNanos();
        HealthStatus status;
        do {
            status = health(generation);
        } while (status != HealthStatus.Green && System.nanoTime() < deadline);
        if (status != HealthStatus.Green) {
            log.warn("The new search indices are {} after {}; moving the aliases to them anyway", status, BUILD_STEP);
        }
    }

    /**
     * The generation's health after waiting up to 20 s for green: short waits, so no request outlives the client's
     * timeout. A wait that times out is answered 408, with the health it reached.
     */
    private HealthStatus health(Generation generation) throws IOException {
        try {
            return patient.cluster().health(h -> h.index(generation.all())
                    .waitForStatus(HealthStatus.Green).timeout(t -> t.time("20s"))).status();
        } catch (ResponseException e) {
            if (e.status() == 408) {
                return HealthStatus.Yellow;
            }
            throw e;
        }
    }

    /** Points every alias at {@code generation} in one request and deletes the generations they pointed at before. */
    void attach(Generation generation) throws IOException {
        List<String> aliases = aliases();
        Map<String, List<String>> before = new java.util.HashMap<>();
        for (String alias : aliases) {
            // what they name now, read rather than derived: a generation of an older version may lack an index
            before.put(alias, client.indices().existsAlias(a -> a.name(alias)).value()
                    ? List.copyOf(client.indices().getAlias(a -> a.name(alias)).result().keySet()) : List.of());
        }
        client.indices().updateAliases(u -> {
            for (int i = 0; i < aliases.size(); i++) {
                String alias = aliases.get(i);
                before.get(alias).forEach(index -> u.actions(a -> a.remove(r -> r.index(index).alias(alias))));
                String after = generation.all().get(i);
                u.actions(a -> a.add(add -> add.index(after).alias(alias)));
            }
            return u;
        });
        deleteAllBut(generation);
    }

    /** Deletes every generation but this one: the one the aliases left, and any a stopped rebuild left behind. */
    void deleteAllBut(Generation keep) throws IOException {
        List<String> kept = keep.all();
        for (String alias : aliases()) {
            for (String index : client.indices().get(g -> g.index(alias + "-g*")).result().keySet()) {
                if (!kept.contains(index)) {
                    try {
                        client.indices().delete(d -> d.index(index));
                    } catch (OpenSearchException e) {
                        log.warn("Could not delete the old search index {}: {}", index, e.getMessage());
                    }
                }
            }
        }
    }
}
