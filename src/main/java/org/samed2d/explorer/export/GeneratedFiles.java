package org.samed2d.explorer.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** The files an export writes into its folder, each planned as an archive entry once complete. */
final class GeneratedFiles {

    private final Path folder;
    private final List<PlannedEntry> entries = new ArrayList<>();

    GeneratedFiles(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    BufferedWriter open(String file) throws IOException {
        return Files.newBufferedWriter(folder.resolve(file), StandardCharsets.UTF_8);
    }

    void write(String file, String content) throws IOException {
        Files.writeString(folder.resolve(file), content, StandardCharsets.UTF_8);
    }

    /** Adds a finished file as the archive entry {@code name}. */
    void plan(String file, String name) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(folder.resolve(file))) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
                size += n;
            }
        }
        if (size > ZipLayout.MAX_ENTRY) {
            throw new IOException(file + " is larger than one archive entry can be (4 GB)");
        }
        entries.add(new PlannedEntry(name, size, crc.getValue(), "file", file));
    }

    List<PlannedEntry> entries() {
        return entries;
    }
}
