/**
 * Reads SA-Med2D releases (folder, ZIP, split ZIP, in place) and writes them into the catalog through
 * {@link org.samed2d.explorer.catalog.CatalogImport}: names and sizes first, then mask geometry as a resumable pass.
 * Exposes {@link org.samed2d.explorer.ingest.IngestService} with its report and progress.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "release", "shared"})
package org.samed2d.explorer.ingest;

import org.jspecify.annotations.NullMarked;
