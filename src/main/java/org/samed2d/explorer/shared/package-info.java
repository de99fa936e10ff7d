/**
 * Values every module uses: release names and modalities, geometry, progress of long jobs, and the data root.
 * Records and enums only; depends on nothing else in the application.
 */
@NullMarked
package org.samed2d.explorer.shared;

import org.jspecify.annotations.NullMarked;
