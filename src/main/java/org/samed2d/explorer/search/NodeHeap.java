package org.samed2d.explorer.search;

/**
 * One search cluster node's heap, as its own statistics give it: what {@code bench-search} reports beside the
 * nodes' resident memory, which the cluster's API does not give.
 *
 * @param node the node's name
 * @param maxBytes the heap's limit
 * @param oldAfterGcBytes the old generation after the node's latest collection of it: about what the node holds;
 *     -1 where the node's collector reports no old generation
 * @param oldPeakBytes the old generation's peak since the node started; -1 likewise
 */
public record NodeHeap(String node, long maxBytes, long oldAfterGcBytes, long oldPeakBytes) {
}
