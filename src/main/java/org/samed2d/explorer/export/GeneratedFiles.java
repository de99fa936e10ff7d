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
 * The files an export writes into its folder, each planned as an archive entry once complete, with the length and
 * CRC-32 counted as it is written (a 1M-mask export generates some 650 MB of lists, not worth reading back). When
 * only sizing, the same calls count each file's bytes and write none: sizing needs their length, not their content
 * (their CRCs are then 0, as the catalogued files' are when sizing).
 */
final class GeneratedFiles {

    private final Path folder;
    private final boolean counting;
    private final List<PlannedEntry> entries = new ArrayList<>();
    /** The length of each file written so far. */
    private final Map<String, Long> lengths = new HashMap<>();
    /** The CRC-32 of each file written so far (none when counting). */
    private final Map<String, Long> crcs = new HashMap<>();

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
        return counting ? new Counter(file) : new Checked(file, Files.newOutputStream(folder.resolve(file)));
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
        lengths.remove(file);
        crcs.remove(file);
        if (!counting) {
            Files.delete(folder.resolve(file));
        }
    }

    void write(String file, String content) throws IOException {
        try (OutputStream out = output(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Adds a finished (closed) file as the archive entry {@code name}. */
    void plan(String file, String name) throws IOException {
        Long size = lengths.get(file);
        if (size == null) {
            throw new IOException(file + " was not written through this export's files, or is still open");
        }
        entries.add(PlannedEntry.stored(name, size, counting ? 0 : crcs.get(file), "file", file));
    }

    List<PlannedEntry> entries() {
        return entries;
    }

    /** A file written with its length and CRC-32 counted; both are known once it is closed. */
    private final class Checked extends java.io.FilterOutputStream {
        private final String file;
        private final CRC32 crc = new CRC32();
        private long count;
        private boolean closed;

        Checked(String file, OutputStream out) {
            super(out);
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                super.close();
                lengths.put(file, count);
                crcs.put(file, crc.getValue());
            }
        }
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
