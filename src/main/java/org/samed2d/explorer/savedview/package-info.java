/**
 * Saved views: explore states a signed-in user keeps under names (the page's URL query), in the catalog database so
 * that every instance sees them. Exposes {@link org.samed2d.explorer.savedview.SavedViewService}; each view is its
 * owner's alone.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.samed2d.explorer.savedview;

import org.jspecify.annotations.NullMarked;
