package org.samed2d.explorer.security;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** What an account may do; each role includes the ones before it. */
public enum Role {
    /** browse, query and view pixels */
    VIEWER,
    /** also segment and export */
    RESEARCHER,
    /** also ingest, reindex, manage users and edit the licence table */
    ADMIN;

    /** The name in the database, the CLI and the API. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_RESEARCHER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> ofParameter(String value) {
        return Stream.of(values()).filter(role -> role.parameter().equals(value)).findFirst();
    }
}
