package org.samed2d.explorer.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;
import org.samed2d.explorer.shared.DataRoot;

/** Where the index and its cursor-signing key live under the data directory. */
record IndexFolder(Path index, Path cursorKey) {

    static IndexFolder in(DataRoot root) {
        return new IndexFolder(root.resolve("search/index"), root.resolve("search/cursor.key"));
    }

    /** The key cursors are signed with, made on first use and kept so cursors survive restarts. */
    byte[] key() throws IOException {
        if (!Files.isRegularFile(cursorKey)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(cursorKey.getParent());
            Files.write(cursorKey, key);
        }
        return Files.readAllBytes(cursorKey);
    }

    /** Deletes an index that cannot be read, so it can be built again. */
    void wipe() throws IOException {
        if (Files.isDirectory(index)) {
            try (Stream<Path> files = Files.walk(index)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
