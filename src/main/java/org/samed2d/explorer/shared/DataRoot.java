package org.samed2d.explorer.shared;

import java.nio.file.Path;

/**
 * The data directory of this installation (catalog database, indexes, caches, the unpacked sample).
 * Resolving refuses paths that would leave it.
 */
public record DataRoot(Path path) {

    public DataRoot {
        path = path.toAbsolutePath().normalize();
    }

    /** Resolves a relative path inside the root; throws {@link IllegalArgumentException} if it would escape. */
    public Path resolve(String relative) {
        Path resolved = path.resolve(relative).normalize();
        if (!resolved.startsWith(path)) {
            throw new IllegalArgumentException("path '" + relative + "' leaves the data directory " + path);
        }
        return resolved;
    }
}
