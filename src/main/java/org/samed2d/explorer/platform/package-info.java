/**
 * Infrastructure beans only: the data directory, the embedded PostgreSQL that serves when no
 * {@code spring.datasource.url} is configured (password-only, reached as a role that is no superuser), and the
 * clock. No public API beyond what Spring wires.
 */
@NullMarked
package org.samed2d.explorer.platform;

import org.jspecify.annotations.NullMarked;
