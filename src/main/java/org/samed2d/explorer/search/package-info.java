/**
 * Finding masks: an index with one document per mask (the embedded Lucene engine, or an OpenSearch cluster all
 * instances share), kept in step with the catalog through its change feed, with exact, cross-filtered facet counts
 * and exact distinct-image counts. Exposes {@link org.samed2d.explorer.search.SearchService} (the portal's and the
 * API's front door), {@link org.samed2d.explorer.search.BenchIndex} (an engine without Spring, for the bench) and
 * the filter and result records. The engines live in {@code lucene} and {@code opensearch} behind the seam in
 * {@code engine}; no Lucene or OpenSearch type leaves the module.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "shared"})
package org.samed2d.explorer.search;

import org.jspecify.annotations.NullMarked;
