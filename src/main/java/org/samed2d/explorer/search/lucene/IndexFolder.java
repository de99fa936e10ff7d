package org.samed2d.explorer.search.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting an index folder that cannot be read, so it can be built again. */
final class IndexFolder {

    private IndexFolder() {
    }

    static void wipe(Path index) throws IOException {
        if (Files.isDirectory(index)) {
            try (Stream<Path> files = Files.walk(index)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
