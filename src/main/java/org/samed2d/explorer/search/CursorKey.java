package org.samed2d.explorer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.samed2d.explorer.shared.DataRoot;

/** The key cursors are signed with, made on first use under the data directory and kept so cursors survive restarts. */
final class CursorKey {

    private CursorKey() {
    }

    static byte[] in(DataRoot root) {
        Path file = root.resolve("search/cursor.key");
        try {
            if (!Files.isRegularFile(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Files.write(file, key);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the cursor key " + file, e);
        }
    }
}
