package org.samed2d.explorer.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The files an export writes into its folder, each planned as an archive entry once complete. When only sizing, the
 * same calls count each file's bytes and write none, since a 1M-mask export generates some 650 MB of lists that
 * sizing needs the length of, not the content (their CRCs are then 0, as the original files' are when sizing).
 */
final class GeneratedFiles {

    private final Path folder;
    private final boolean counting;
    private final List<PlannedEntry> entries = new ArrayList<>();
    /** When counting: the length of each file written so far. */
    private final Map<String, Long> lengths = new HashMap<>();

    private GeneratedFiles(Path folder, boolean counting) {
        this.folder = folder;
        this.counting = counting;
    }

    /** Files written into {@code folder}. */
    static GeneratedFiles writing(Path folder) {
        return new GeneratedFiles(folder, false);
    }

    /** Files only counted: nothing is written. */
    static GeneratedFiles counting(Path folder) {
        return new GeneratedFiles(folder, true);
    }

    BufferedWriter open(String file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(output(file), StandardCharsets.UTF_8), 1 << 16);
    }

    OutputStream output(String file) throws IOException {
        return counting ? new Counter(file) : Files.newOutputStream(folder.resolve(file));
    }

    /** Copies a finished file to the end of {@code out}, a stream of {@link #output}. */
    void append(String file, OutputStream out) throws IOException {
        if (counting) {
            ((Counter) out).count += lengths.get(file);
            return;
        }
        try (InputStream in = Files.newInputStream(folder.resolve(file))) {
            in.transferTo(out);
        }
    }

    void delete(String file) throws IOException {
        if (counting) {
            lengths.remove(file);
        } else {
            Files.delete(folder.resolve(file));
        }
    }

    void write(String file, String content) throws IOException {
        try (OutputStream out = output(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Adds a finished file as the archive entry {@code name}. */
    void plan(String file, String name) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        if (counting) {
            size = lengths.get(file);
        } else {
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(folder.resolve(file))) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                    size += n;
                }
            }
        }
        if (size > ZipLayout.MAX_ENTRY) {
            throw new IOException(file + " is larger than one archive entry can be (4 GB)");
        }
        entries.add(new PlannedEntry(name, size, counting ? 0 : crc.getValue(), "file", file));
    }

    List<PlannedEntry> entries() {
        return entries;
    }

    /** A file that is only counted; its length is known once it is closed. */
    private final class Counter extends OutputStream {
        private final String file;
        long count;

        Counter(String file) {
            this.file = file;
        }

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        @Override
        public void close() {
            lengths.put(file, count);
        }
    }
}
