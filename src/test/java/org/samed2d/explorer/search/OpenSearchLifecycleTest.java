package org.samed2d.explorer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.HttpHost;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.OpenSearchCluster;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.catalog.CatalogFeed;
import org.samed2d.explorer.catalog.CatalogImport;
import org.samed2d.explorer.catalog.JobLocks;
import org.samed2d.explorer.catalog.MaskGeometry;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.opensearch.OpenSearchSettings;
import org.samed2d.explorer.shared.DataRoot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The OpenSearch engine on a real 2-node cluster: it follows the catalog's change feed (mask and image documents
 * alike), a rebuild fills a new generation and moves the aliases while searches keep answering, one instance
 * writes at a time, an outage is a {@link SearchUnavailableException} after which the index catches up, and a node
 * that dies leaves every answer exact.
 */
@ExplorerTest
class OpenSearchLifecycleTest {

    private static final String INDEX = "lifecycle-test";

    @Autowired
    IngestService ingest;
    @Autowired
    CatalogFeed feed;
    @Autowired
    CatalogImport catalogImport;
    @Autowired
    JobLocks locks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataRoot root;

    OpenSearchCluster cluster;
    SearchService search;

    @BeforeEach
    void emptyCatalogAndIndex() {
        cluster = OpenSearchCluster.shared();
        new CatalogTestSupport(jdbc).empty();
        search = service(20_000);
        search.rebuild();
    }

    @AfterEach
    void close() {
        search.close();
        cluster.ensureRunning();
    }

    private SearchService service(int feedPage) {
        SearchProperties properties = new SearchProperties(2, false, feedPage, 1_000_000,
                SearchProperties.Engine.OPENSEARCH, OpenSearchSettings.at(cluster.urls(), INDEX));
        return new SearchService(feed, locks, jdbc, properties, root, Clock.systemUTC());
    }

    @Test
    void geometry_updates_and_removals_reach_mask_and_image_documents() throws Exception {
        ingest.ingest(SampleData.mini());
        search.catchUp();
        assertThat(search.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(30, 4));
        long liver = firstMask("liver");
        long image = jdbc.sql("select image_id from mask where id = ?").param(liver).query(Long.class).single();
        List<Long> others = jdbc.sql("select id from mask where image_id = ? and id <> ? order by id").params(image, liver)
                .query(Long.class).list();
        MaskFilter tiny = new MaskFilter(Map.of(), new MaskFilter.Bounds(null, 3L), MaskFilter.Bounds.ANY,
                MaskFilter.Bounds.ANY, MaskFilter.FractionBounds.ANY, null);
        assertThat(search.counts(tiny).masks()).isZero();

        catalogImport.completeGeometry(List.of(new MaskGeometry(liver, 3, 0, 0, 2, 0, 1.0, 0.0, 4)), others);
        search.catchUp();

        assertThat(search.counts(tiny)).isEqualTo(new MaskCounts(1, 1));
        assertThat(search.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(30 - others.size(), 4));
        assertThat(search.matchingMasks(MaskFilter.ALL, image)).containsExactly(liver);

        catalogImport.completeGeometry(List.of(), List.of(liver));
        search.catchUp();

        // the image lost its last mask, and with it its document
        assertThat(search.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(29 - others.size(), 3));
        assertThat(search.images(MaskFilter.ALL, 100, null).images()).extracting(ImagePage.ImageHit::imageId)
                .doesNotContain(image).hasSize(3);
    }

    @Test
    void a_rebuild_fills_a_new_generation_and_moves_the_aliases_while_searches_keep_answering() throws Exception {
        ingest.ingest(SampleData.mini());
        search.catchUp();
        String before = liveMasksIndex();
        SearchService slow = service(2);
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        CompletableFuture<List<MaskCounts>> answers = CompletableFuture.supplyAsync(() -> {
            List<MaskCounts> seen = new ArrayList<>();
            while (rebuilding.get()) {
                seen.add(slow.counts(MaskFilter.ALL));
            }
            return seen;
        });
        try {
            slow.rebuild();
        } finally {
            rebuilding.set(false);
        }

        assertThat(answers.get()).isNotEmpty().containsOnly(new MaskCounts(30, 4));
        assertThat(liveMasksIndex()).isNotEqualTo(before);
        assertThat(indices()).containsExactlyInAnyOrder(liveMasksIndex(),
                liveMasksIndex().replace("-masks-", "-images-"), liveMasksIndex().replace("-masks-", "-cells-"));
        assertThat(slow.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(30, 4));
        slow.close();
    }

    @Test
    void indices_of_another_mapping_version_are_rebuilt_on_start() throws Exception {
        ingest.ingest(SampleData.mini());
        search.catchUp();
        String before = liveMasksIndex();
        try (var transport = transport()) {
            // as an earlier version would have left them: same documents, another mapping version recorded
            new OpenSearchClient(transport).indices().putMapping(m -> m.index(before)
                    .meta("mappingVersion", JsonData.of(0)));
        }

        search.checkOnStart();

        assertThat(liveMasksIndex()).isNotEqualTo(before);
        assertThat(indices()).doesNotContain(before);
        assertThat(search.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(30, 4));
    }

    @Test
    void an_index_written_from_another_catalog_is_rebuilt_instead_of_caught_up(@TempDir Path copy) throws Exception {
        ingest.ingest(SampleData.mini());
        search.catchUp();
        String before = liveMasksIndex();
        assertThat(recordedCatalog(before)).isEqualTo(feed.identity());
        // another catalog (the sample less one image) whose change numbers all run past what the index applied
        new CatalogTestSupport(jdbc).empty();
        Path release = SampleData.copyOfRelease(copy);
        Files.delete(release.resolve("images/ct_00--AMOS2022--amos_0004--z_0075.png"));
        ingest.ingest(copy);

        search.catchUp();

        assertThat(liveMasksIndex()).isNotEqualTo(before);
        assertThat(recordedCatalog(liveMasksIndex())).isEqualTo(feed.identity());
        assertThat(search.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(
                jdbc.sql("select count(*) from mask").query(Long.class).single(), 3));
        assertThat(search.masks(MaskFilter.ALL, MaskSort.ID, 1000, null).ids()).containsExactlyElementsOf(
                jdbc.sql("select id from mask order by id").query(Long.class).list());
    }

    @Test
    void only_the_instance_holding_the_indexer_lock_writes_the_shared_index() throws Exception {
        SearchService other = service(20_000);
        ingest.ingest(SampleData.mini());
        try (JobLocks.Lease held = locks.tryLock(SearchService.INDEXER_LOCK).orElseThrow()) {
            search.catchUpQuietly();
            other.catchUpQuietly();
            assertThat(search.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(0, 0));
        }
        other.catchUpQuietly();
        // both read the one index the other wrote
        assertThat(search.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(30, 4));
        assertThat(other.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(30, 4));
        other.close();
    }

    @Test
    void while_the_cluster_is_down_search_is_unavailable_and_the_index_catches_up_when_it_is_back() throws Exception {
        ingest.ingest(SampleData.mini());
        search.catchUp();
        long aorta = firstMask("aorta");

        cluster.stop();
        assertThatThrownBy(() -> search.counts(MaskFilter.ALL)).isInstanceOf(SearchUnavailableException.class)
                .hasMessageContaining("cannot be reached");
        assertThatThrownBy(() -> search.masks(MaskFilter.ALL, MaskSort.ID, 10, null))
                .isInstanceOf(SearchUnavailableException.class);
        catalogImport.completeGeometry(List.of(), List.of(aorta));
        search.catchUpQuietly();

        cluster.ensureRunning();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            search.catchUpQuietly();
            return search.counts(MaskFilter.ALL).equals(new MaskCounts(29, 4));
        });
        assertThat(search.masks(MaskFilter.ALL, MaskSort.ID, 100, null).ids()).doesNotContain(aorta).hasSize(29);
    }

    @Test
    void a_cluster_that_loses_a_node_keeps_answering_exactly() throws Exception {
        ingest.ingest(SampleData.mini());
        search.catchUp();
        MaskFilter liver = new MaskFilter(Map.of(FacetDimension.LABEL, new java.util.TreeSet<>(List.of("liver"))),
                MaskFilter.Bounds.ANY, MaskFilter.Bounds.ANY, MaskFilter.Bounds.ANY, MaskFilter.FractionBounds.ANY, null);
        FacetCounts facets = search.facets(liver);
        MaskPage page = search.masks(MaskFilter.ALL, MaskSort.AREA_DESCENDING, 7, null);
        ImagePage images = search.images(liver, 2, null);

        cluster.kill(cluster.nodes().getLast());

        assertThat(search.facets(liver)).isEqualTo(facets);
        assertThat(search.counts(MaskFilter.ALL)).isEqualTo(new MaskCounts(30, 4));
        assertThat(search.masks(MaskFilter.ALL, MaskSort.AREA_DESCENDING, 7, null)).isEqualTo(page);
        assertThat(search.images(liver, 2, null)).isEqualTo(images);
    }

    private long firstMask(String label) {
        return jdbc.sql("select m.id from mask m join label l on l.id = m.label_id where l.name = ? order by m.id limit 1")
                .param(label).query(Long.class).single();
    }

    private String recordedCatalog(String masksIndex) throws IOException {
        try (var transport = transport()) {
            return new OpenSearchClient(transport).indices().getMapping(m -> m.index(masksIndex)).result()
                    .get(masksIndex).mappings().meta().get("catalog").to(String.class);
        }
    }

    private String liveMasksIndex() throws IOException {
        try (var transport = transport()) {
            return List.copyOf(new OpenSearchClient(transport).indices().getAlias(a -> a.name(INDEX + "-masks"))
                    .result().keySet()).getFirst();
        }
    }

    private List<String> indices() throws IOException {
        try (var transport = transport()) {
            return List.copyOf(new OpenSearchClient(transport).indices().get(g -> g.index(INDEX + "-*")).result()
                    .keySet());
        }
    }

    private org.opensearch.client.transport.OpenSearchTransport transport() {
        return ApacheHttpClient5TransportBuilder.builder(cluster.urls().stream()
                .map(url -> new HttpHost(url.getScheme(), url.getHost(), url.getPort())).toArray(HttpHost[]::new)).build();
    }
}
