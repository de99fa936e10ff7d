package org.samed2d.explorer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.OpenSearchCluster;

/** What {@code bench-search} reads from a cluster beside its timings. */
class BenchIndexTest {

    @Test
    void a_cluster_reports_every_nodes_heap_limit_and_its_old_generation() {
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        cluster.ensureRunning();
        try (BenchIndex index = BenchIndex.openSearch(cluster.urls(), "bench-index-test", 1, 1, false)) {
            List<NodeHeap> heaps = index.nodeHeaps();

            assertThat(heaps).extracting(NodeHeap::node)
                    .containsExactlyElementsOf(cluster.nodes().stream().map(OpenSearchCluster.Node::name).sorted().toList());
            assertThat(heaps).allSatisfy(heap -> {
                assertThat(heap.maxBytes()).isGreaterThan(64L << 20);
                assertThat(heap.oldAfterGcBytes()).isBetween(0L, heap.maxBytes());
                assertThat(heap.oldPeakBytes()).isBetween(heap.oldAfterGcBytes(), heap.maxBytes());
            });
        }
    }
}
