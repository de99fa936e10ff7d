/**
 * The Vaadin adapter: the portal's views. Reads through the modules' services; holds no business logic.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "ingest", "search", "media", "export", "security", "savedview", "shared"})
package org.samed2d.explorer.ui;

import org.jspecify.annotations.NullMarked;
