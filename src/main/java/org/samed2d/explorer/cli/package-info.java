/**
 * The command-line adapter: {@code ingest}, {@code generate}, and starting the portal. Turns arguments into module
 * calls and prints progress and reports; holds no logic of its own.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "ingest", "search", "segment", "export", "security", "shared"})
package org.samed2d.explorer.cli;

import org.jspecify.annotations.NullMarked;
