/**
 * Reads SA-Med2D releases where the user keeps them: an unzipped folder, a ZIP, or the split ZIP as distributed, with
 * one seek per file and nothing unzipped. Ingest uses it to find files; media uses it to serve their original bytes.
 * Exposes {@link org.samed2d.explorer.release.ReleaseSources} and {@link org.samed2d.explorer.release.ReleaseSource}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "shared"})
package org.samed2d.explorer.release;

import org.jspecify.annotations.NullMarked;
