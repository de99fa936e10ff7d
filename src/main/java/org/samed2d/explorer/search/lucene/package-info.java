/**
 * The embedded search engine: a Lucene index per portal instance, one document per mask, facet counts over
 * per-segment cell columns and an image bitset. Internal to the search module.
 */
@NullMarked
package org.samed2d.explorer.search.lucene;

import org.jspecify.annotations.NullMarked;
