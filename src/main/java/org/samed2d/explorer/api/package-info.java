/**
 * The REST adapter under {@code /api/v1}: one controller per resource, each turning a request into one service call.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "ingest", "search", "media", "segment", "export", "security", "shared"})
package org.samed2d.explorer.api;

import org.jspecify.annotations.NullMarked;
