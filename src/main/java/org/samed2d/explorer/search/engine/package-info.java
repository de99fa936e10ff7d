/**
 * What both search engines share: the engine seam ({@link org.samed2d.explorer.search.engine.SearchEngine}), the
 * cell dictionary and the drill-sideways tally over it, the fields a mask is indexed with and the text split.
 * Internal to the search module.
 */
@NullMarked
package org.samed2d.explorer.search.engine;

import org.jspecify.annotations.NullMarked;
