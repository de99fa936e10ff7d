package org.samed2d.explorer.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes any byte range of an export's archive from its plan: local headers and data in plan order, then the
 * central directory and end records. Entries before the range are skipped without reading their files.
 */
final class ArchiveStreamer {

    /** Where an entry's bytes come from at download time. */
    interface EntrySource {
        InputStream open(PlannedEntry entry) throws IOException;
    }

    private final OutputStream out;
    private final long from;
    private final long to;
    private long position;

    private ArchiveStreamer(OutputStream out, long from, long to) {
        this.out = out;
        this.from = from;
        this.to = to;
    }

    /** The archive's exact length. */
    static long length(Path plan) throws IOException {
        long position = 0;
        long central = 0;
        long entries = 0;
        try (BufferedReader lines = Files.newBufferedReader(plan)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                PlannedEntry entry = PlannedEntry.parse(line);
                central += ZipLayout.centralEntryLength(entry.name(), position);
                position += ZipLayout.localHeaderLength(entry.name()) + entry.size();
                entries++;
            }
        }
        return position + central + ZipLayout.endLength(entries, position, central);
    }

    /** Writes bytes {@code [from, to]} (inclusive) of the archive. */
    static void write(Path plan, long from, long to, OutputStream out, EntrySource source) throws IOException {
        new ArchiveStreamer(out, from, to).write(plan, source);
    }

    private void write(Path plan, EntrySource source) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(plan)) {
            for (String line = lines.readLine(); line != null && position <= to; line = lines.readLine()) {
                PlannedEntry entry = PlannedEntry.parse(line);
                emit(ZipLayout.localHeader(entry));
                if (overlaps(entry.size())) {
                    copy(entry, source);
                } else {
                    position += entry.size();
                }
            }
        }
        if (position > to) {
            return;
        }
        long centralOffset = position;
        long offset = 0;
        long entries = 0;
        try (BufferedReader lines = Files.newBufferedReader(plan)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                PlannedEntry entry = PlannedEntry.parse(line);
                emit(ZipLayout.centralEntry(entry, offset));
                offset += ZipLayout.localHeaderLength(entry.name()) + entry.size();
                entries++;
            }
        }
        emit(ZipLayout.end(entries, centralOffset, position - centralOffset));
    }

    private boolean overlaps(long length) {
        return position + length > from && position <= to;
    }

    private void emit(byte[] bytes) throws IOException {
        if (overlaps(bytes.length)) {
            int start = (int) Math.max(0, from - position);
            int end = (int) Math.min(bytes.length, to - position + 1);
            out.write(bytes, start, end - start);
        }
        position += bytes.length;
    }

    private void copy(PlannedEntry entry, EntrySource source) throws IOException {
        long skip = Math.max(0, from - position);
        long want = Math.min(entry.size(), to - position + 1) - skip;
        try (InputStream in = source.open(entry)) {
            in.skipNBytes(skip);
            byte[] buffer = new byte[1 << 16];
            long left = want;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(entry.name() + " is shorter than when the export was planned");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        position += entry.size();
    }
}
