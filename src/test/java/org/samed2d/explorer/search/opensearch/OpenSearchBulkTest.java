package org.samed2d.explorer.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.samed2d.explorer.OpenSearchCluster;

/**
 * Bulk writing asks the cluster for a short answer per operation (whether and why it failed): every operation is
 * still written across several requests, and one the cluster refuses still fails the call with the index, the
 * document and the cluster's reason.
 */
class OpenSearchBulkTest {

    private static final String INDEX = "bulk-test";

    private OpenSearchClient client;

    @BeforeEach
    void strictIndex() throws IOException {
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        cluster.ensureRunning();
        client = OpenSearchClients.of(OpenSearchSettings.at(cluster.urls(), INDEX));
        if (client.indices().exists(e -> e.index(INDEX)).value()) {
            client.indices().delete(d -> d.index(INDEX));
        }
        client.indices().create(c -> c.index(INDEX).mappings(m -> m.withJson(new StringReader(
                "{\"dynamic\": \"strict\", \"properties\": {\"n\": {\"type\": \"long\"}}}"))));
    }

    @AfterEach
    void dropIt() throws IOException {
        client.indices().delete(d -> d.index(INDEX));
        client._transport().close();
    }

    @Test
    void every_operation_is_written_across_several_requests() throws IOException {
        new OpenSearchBulk(client, 5).send(documents(12, -1));

        client.indices().refresh(r -> r.index(INDEX));
        assertThat(client.count(c -> c.index(INDEX)).count()).isEqualTo(12);
    }

    @Test
    void an_operation_the_cluster_refuses_fails_the_call_with_its_index_id_and_reason() {
        assertThatThrownBy(() -> new OpenSearchBulk(client, 5).send(documents(12, 7)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(INDEX + "/7")
                .hasMessageContaining("strict");
    }

    /** Documents 0 to count - 1; the one numbered {@code refused} has a field the strict mapping does not know. */
    private static List<BulkOperation> documents(int count, int refused) {
        List<BulkOperation> operations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Integer.toString(i);
            Map<String, Object> document = i == refused ? Map.of("unknown", i) : Map.of("n", i);
            operations.add(BulkOperation.of(o -> o.index(x -> x.index(INDEX).id(id).document(document))));
        }
        return operations;
    }
}
