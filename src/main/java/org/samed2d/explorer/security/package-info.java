/**
 * Who may do what: accounts with a role (viewer, researcher, admin), personal API tokens, per-user quotas and the
 * HTTP security of the portal and the REST API (login, bearer tokens, CSRF, security headers). Exposes
 * {@link org.samed2d.explorer.security.UserAccounts}, {@link org.samed2d.explorer.security.ApiTokens} and
 * {@link org.samed2d.explorer.security.Quotas}; the filter chains stay inside.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.samed2d.explorer.security;

import org.jspecify.annotations.NullMarked;
