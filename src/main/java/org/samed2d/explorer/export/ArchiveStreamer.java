package org.samed2d.explorer.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Writes any byte range of an export's archive from its plan: local headers and data in plan order, then the
 * central directory and end records. Entries before the range are skipped without reading their files; the
 * catalogued files in the range are read ahead on a pool of threads, in runs that lie close together in their
 * source ({@link PlanRuns}), while this one writes.
 */
final class ArchiveStreamer {

    /** Runs of catalogued files read ahead of the writer at most: enough to keep every reader busy, little heap. */
    private static final int AHEAD_RUNS = 256;
    private static final long AHEAD_BYTES = 64L << 20;

    /** Where an entry's bytes come from at download time. */
    interface EntrySource {
        /**
         * The data of a run of catalogued files ({@link PlanRuns}), in order, each exactly as its entry holds it
         * (copied as its source stores it) and checked against the plan; called on the reader threads.
         */
        List<ByteBuffer> read(List<PlannedEntry> run) throws IOException;

        /**
         * {@link #read} of a run of one entry, put into {@code into} at its position, which it advances past them (a
         * folder file is read straight into it); called on the reader threads.
         */
        default void readInto(PlannedEntry entry, ByteBuffer into) throws IOException {
            into.put(read(List.of(entry)).getFirst());
        }

        /** A generated file in the export folder, streamed by the writer. */
        InputStream open(PlannedEntry entry) throws IOException;

        /**
         * {@link #open}, as a channel from byte {@code from} of the file on: a file channel lets a file's writer
         * have the kernel copy it, a part of it on each thread.
         */
        default java.nio.channels.ReadableByteChannel channel(PlannedEntry entry, long from) throws IOException {
            InputStream in = open(entry);
            in.skipNBytes(from);
            return java.nio.channels.Channels.newChannel(in);
        }
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
        ArchiveLength length = new ArchiveLength();
        try (PlanEntries planned = PlanEntries.open(plan)) {
            while (planned.hasNext()) {
                length.add(planned.next().entry());
            }
        }
        return length.bytes();
    }

    /** Writes bytes {@code [from, to]} (inclusive) of the archive. */
    static void write(Path plan, long from, long to, OutputStream out, EntrySource source, ExecutorService readers)
            throws IOException {
        new ArchiveStreamer(out, from, to).write(PlanEntries.open(plan), plan, source, readers);
    }

    /** A plan entry whose CRC a file must be read for once the walk is done: it cannot be written while planning. */
    static final class CrcPendingException extends IOException {
        CrcPendingException(String entry) {
            super(entry + " has no CRC in the catalog yet");
        }
    }

    private void write(PlanEntries local, Path plan, EntrySource source, ExecutorService readers) throws IOException {
        try (PlanEntries planned = local;
             ReadAhead<List<PlanEntries.Located>, List<ByteBuffer>> ahead = new ReadAhead<>(new PlanRuns(planned),
                     run -> run.stream().anyMatch(this::readsFile)
                             ? () -> source.read(run.stream().map(PlanEntries.Located::entry).toList()) : null,
                     run -> run.stream().mapToLong(at -> at.entry().storedSize()).sum(), readers, AHEAD_RUNS,
                     AHEAD_BYTES)) {
            while (position <= to && ahead.hasNext()) {
                ReadAhead.Slot<List<PlanEntries.Located>, List<ByteBuffer>> slot = ahead.next();
                List<PlanEntries.Located> run = slot.item();
                for (int i = 0; i < run.size() && position <= to; i++) {
                    PlannedEntry entry = run.get(i).entry();
                    if (entry.pending()) {
                        throw new CrcPendingException(entry.name());
                    }
                    emit(ZipLayout.localHeader(entry));
                    if (!overlaps(entry.storedSize())) {
                        position += entry.storedSize();
                    } else if (entry.kind().equals("file")) {
                        copy(entry, source);
                    } else {
                        emit(entry.asPlanned(slot.result().get(i)));
                    }
                }
            }
        }
        if (position > to) {
            return;
        }
        long centralOffset = position;
        long entries = 0;
        try (PlanEntries planned = PlanEntries.open(plan)) {
            while (planned.hasNext()) {
                PlanEntries.Located at = planned.next();
                emit(ZipLayout.centralEntry(at.entry(), at.offset()));
                entries++;
            }
        }
        emit(ZipLayout.end(entries, centralOffset, position - centralOffset));
    }

    /** Whether the entry is a catalogued file whose data falls in the range. */
    private boolean readsFile(PlanEntries.Located at) {
        long dataStart = at.offset() + ZipLayout.localHeaderLength(at.entry());
        return !at.entry().kind().equals("file") && dataStart + at.entry().storedSize() > from && dataStart <= to;
    }

    private boolean overlaps(long length) {
        return position + length > from && position <= to;
    }

    private void emit(byte[] bytes) throws IOException {
        emit(ByteBuffer.wrap(bytes));
    }

    private void emit(ByteBuffer bytes) throws IOException {
        int length = bytes.remaining();
        if (overlaps(length)) {
            int start = (int) Math.max(0, from - position);
            int end = (int) Math.min(length, to - position + 1);
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position() + start, end - start);
        }
        position += length;
    }

    private void copy(PlannedEntry entry, EntrySource source) throws IOException {
        long skip = Math.max(0, from - position);
        long want = Math.min(entry.storedSize(), to - position + 1) - skip;
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
        position += entry.storedSize();
    }
}
