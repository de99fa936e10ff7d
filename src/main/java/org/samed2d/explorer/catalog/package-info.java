/**
 * The catalog of source datasets, labels, images and masks in PostgreSQL, the source of truth for every other module.
 * Exposes {@link org.samed2d.explorer.catalog.CatalogService} for reads and {@link org.samed2d.explorer.catalog.CatalogImport}
 * for the bulk writes of ingest (PostgreSQL COPY). Entities and repositories stay inside.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.samed2d.explorer.catalog;

import org.jspecify.annotations.NullMarked;
