/**
 * Finding masks: a Lucene index with one document per mask, kept in step with the catalog through its change feed,
 * and exact, cross-filtered facet counts over it. Exposes {@link org.samed2d.explorer.search.SearchService} (the
 * portal's and the API's front door), {@link org.samed2d.explorer.search.MaskSearch} (the engine on an index folder,
 * also used by the bench) and the filter and result records.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "shared"})
package org.samed2d.explorer.search;

import org.jspecify.annotations.NullMarked;
