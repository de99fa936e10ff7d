/**
 * Subset exports as deterministic ZIP archives: a job plans every entry (name, size, CRC) and writes the small
 * generated files, then downloads stream the archive from the plan, so its length is known before the first byte
 * and any byte range can be served again. Exposes {@link org.samed2d.explorer.export.ExportService}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "search", "media", "shared"})
package org.samed2d.explorer.export;

import org.jspecify.annotations.NullMarked;
