package org.samed2d.explorer.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who asks for a background job or a result by its id: an account's name, and whether it is an admin. Jobs and
 * results are their owner's; admins see everyone's; everyone else is told there is no such id.
 */
public record Requester(String username, boolean admin) {

    /** The command line, run by whoever operates the server: it sees every job. */
    public static final Requester OPERATOR = new Requester("", true);

    /** Whether this requester may see what {@code owner} started (none: the command line, or from before owners). */
    public boolean mayRead(@Nullable String owner) {
        return admin || username.equals(owner);
    }
}
