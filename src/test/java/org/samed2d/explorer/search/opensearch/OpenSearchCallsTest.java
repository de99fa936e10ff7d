package org.samed2d.explorer.search.opensearch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.search.SearchUnavailableException;

/** A cluster that cannot answer is reported with what each node tried said, not only the last one. */
class OpenSearchCallsTest {

    @Test
    void an_unreachable_cluster_is_unavailable_with_every_node_failure_named() {
        IOException last = new ConnectException("Connect to http://127.0.0.1:9201 failed: Connection refused");
        // as the client leaves it: the node tried first answered 503, the one tried last is down
        last.addSuppressed(new IOException("method [GET], host [http://127.0.0.1:9200], URI [/_alias/sa-med2d-masks],"
                + " status line [HTTP/1.1 503 Service Unavailable]: cluster_manager_not_discovered_exception"));

        assertThatThrownBy(() -> OpenSearchCalls.call("find the index", () -> {
            throw last;
        })).isInstanceOf(SearchUnavailableException.class)
                .hasMessageContaining("cannot be reached to find the index")
                .hasMessageContaining("9201 failed: Connection refused")
                .hasMessageContaining("before that, method [GET], host [http://127.0.0.1:9200]")
                .hasMessageContaining("cluster_manager_not_discovered_exception");
    }
}
