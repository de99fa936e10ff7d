package org.samed2d.explorer.security;

import java.security.Principal;
import java.time.Instant;

/** A user account as shown to admins; the password hash never leaves the module. */
public record Account(long id, String username, Role role, boolean enabled, Instant created) implements Principal {

    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String getName() {
        return username;
    }
}
