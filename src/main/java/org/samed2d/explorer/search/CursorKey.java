package org.samed2d.explorer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.samed2d.explorer.shared.DataRoot;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key cursors are signed with, kept in the catalog database (table {@code search_cursor_key}) so that every
 * instance signs and checks cursors alike and they survive restarts. The first instance to need it makes it, from
 * the key file an earlier version kept under its data directory if there is one (its cursors stay valid).
 */
final class CursorKey {

    private CursorKey() {
    }

    static byte[] of(JdbcClient jdbc, DataRoot root) {
        jdbc.sql("insert into search_cursor_key (id, key) values (1, ?) on conflict (id) do nothing")
                .param(candidate(root.resolve("search/cursor.key"))).update();
        return jdbc.sql("select key from search_cursor_key where id = 1").query(byte[].class).single();
    }

    private static byte[] candidate(Path earlier) {
        try {
            if (Files.isRegularFile(earlier) && Files.size(earlier) >= 32) {
                return Files.readAllBytes(earlier);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the earlier cursor key " + earlier, e);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
