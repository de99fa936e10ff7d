package org.samed2d.explorer.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Writes a plan's whole archive into a file from a pool of threads. Every entry's offset is in the plan, so each task
 * takes a group of consecutive entries (runs of one archive source, or folder files), reads them, lays out their local
 * headers and data and writes them where they belong with one positional write; the central directory is gathered on
 * the way and copied in once every entry is written. Generated files and the central directory are copied file to
 * file in parts, a part a task: they are the last ~20% of a large export's bytes, and one thread copying them left the
 * other cores idle at its end. One thread writing every byte in order was the limit of an export to a file (the split
 * ZIP export wrote 4 GB at 470 MB/s with that thread busy and the disk not); a download is a stream and keeps
 * {@link ArchiveStreamer}.
 */
final class ParallelArchiveWriter {

    /** Groups written at once at most, and the bytes they hold: every thread busy, a few hundred MB of heap at worst. */
    private static final int AHEAD_GROUPS = 32;
    private static final long AHEAD_BYTES = 128L << 20;
    /** A group ends after this many entries or bytes, so a write is large and a task short. */
    static final int GROUP_ENTRIES = 256;
    private static final long GROUP_BYTES = 4L << 20;
    /**
     * Every this many bytes written, the file is flushed to disk on a pool thread while the writes go on: the disk
     * writes the archive as it is written instead of after its end (where the export waited seconds for it).
     */
    private static final long FLUSH_EVERY = 256L << 20;
    /** A file copied into the archive is copied in parts of this size, each on its own thread. */
    private static final long COPY_PART = 16L << 20;

    /** A group fits in this much (a group of its limit plus one more run); a larger one is laid out on the heap. */
    private static final int DIRECT_CAPACITY = (int) (2 * GROUP_BYTES + (1 << 20));

    private final FileChannel target;
    /** Direct buffers of groups written, for the next groups: at most one per thread writing, freed with the writer. */
    private final ConcurrentLinkedQueue<ByteBuffer> spares = new ConcurrentLinkedQueue<>();
    private final ArchiveStreamer.EntrySource source;
    private final ExecutorService pool;
    private final int groupEntries;
    private final long copyPart;
    private final ArrayDeque<Written> inFlight = new ArrayDeque<>();
    private long bytesInFlight;
    /** Bytes written since the file was last flushed, and that flush while it runs. */
    private long unflushed;
    private Future<?> flushing = java.util.concurrent.CompletableFuture.completedFuture(null);

    private record Written(Future<?> done, long bytes) {
    }

    private ParallelArchiveWriter(FileChannel target, ArchiveStreamer.EntrySource source, ExecutorService pool,
                                  int groupEntries, long copyPart) {
        this.target = target;
        this.source = source;
        this.pool = pool;
        this.groupEntries = groupEntries;
        this.copyPart = copyPart;
    }

    /**
     * Writes the archive of {@code planned}'s entries (a plan whole or still being walked, {@link PlanEntries}) into
     * {@code target} from its start, the central directory once they are written (gathered beside {@code plan} on the
     * way, so that the plan is read once).
     * Fails with {@link ArchiveStreamer.CrcPendingException}, having written part of the archive, when an entry's
     * CRC is still to be read from its file. Every write has ended when this returns, whether or not it failed.
     */
    static void write(PlanEntries planned, Path plan, FileChannel target, ArchiveStreamer.EntrySource source,
                      ExecutorService pool) throws IOException {
        write(planned, plan, target, source, pool, GROUP_ENTRIES, COPY_PART);
    }

    /** {@link #write} in groups of at most {@code groupEntries} entries, files copied in parts of {@code copyPart}. */
    static void write(PlanEntries planned, Path plan, FileChannel target, ArchiveStreamer.EntrySource source,
                      ExecutorService pool, int groupEntries, long copyPart) throws IOException {
        new ParallelArchiveWriter(target, source, pool, groupEntries, copyPart).write(planned, plan);
    }

    private void write(PlanEntries planned, Path plan) throws IOException {
        // the central directory is written beside the plan as the entries go by, and copied in once they are written
        Path centralDirectory = plan.resolveSibling("central-directory.partial");
        try {
            Central central = writeEntries(planned, centralDirectory);
            submitCopies(central.offset(), central.length(), "the central directory",
                    from -> FileChannel.open(centralDirectory, StandardOpenOption.READ).position(from));
            awaitAll();
            Results.await(flushing, "a flush of the archive");
            writeAt(ByteBuffer.wrap(ZipLayout.end(central.entries(), central.offset(), central.length())),
                    central.offset() + central.length());
        } finally {
            awaitAllQuietly();
            Files.deleteIfExists(centralDirectory);
        }
    }

    /** Where the central directory goes (the end of the last entry), its length and its number of entries. */
    private record Central(long offset, long length, long entries) {
    }

    private Central writeEntries(PlanEntries planned, Path centralDirectory) throws IOException {
        long end = 0;
        long centralLength = 0;
        long entryCount = 0;
        try (PlanEntries entries = planned;
             OutputStream central = new BufferedOutputStream(Files.newOutputStream(centralDirectory), 1 << 20)) {
            PlanRuns runs = new PlanRuns(entries);
            List<List<PlanEntries.Located>> group = new ArrayList<>();
            int entriesInGroup = 0;
            long groupBytes = 0;
            while (runs.hasNext()) {
                List<PlanEntries.Located> run = runs.next();
                for (PlanEntries.Located at : run) {
                    byte[] record = ZipLayout.centralEntry(at.entry(), at.offset());
                    central.write(record);
                    centralLength += record.length;
                    entryCount++;
                }
                PlanEntries.Located last = run.getLast();
                end = last.offset() + ZipLayout.localLength(last.entry());
                boolean generated = run.getFirst().entry().kind().equals("file");
                if (!generated) {
                    group.add(run);
                    entriesInGroup += run.size();
                    groupBytes += end - run.getFirst().offset();
                }
                // a group is one stretch of the archive: it ends before a generated file
                if (!group.isEmpty() && (generated || entriesInGroup >= groupEntries || groupBytes >= GROUP_BYTES)) {
                    submit(group, groupBytes);
                    group = new ArrayList<>();
                    entriesInGroup = 0;
                    groupBytes = 0;
                }
                if (generated) {
                    writeGenerated(run.getFirst()); // a run of its own, copied file to file: a list can be large
                }
            }
            if (!group.isEmpty()) {
                submit(group, groupBytes);
            }
        }
        return new Central(end, centralLength, entryCount);
    }

    private void submit(List<List<PlanEntries.Located>> group, long bytes) throws IOException {
        submit(() -> writeGroup(group, bytes), bytes);
    }

    /** A write on a pool thread, once fewer than the limits are in flight; {@code bytes}: the heap it holds. */
    private void submit(Write write, long bytes) throws IOException {
        while (!inFlight.isEmpty() && (inFlight.size() >= AHEAD_GROUPS || bytesInFlight + bytes > AHEAD_BYTES)) {
            awaitOldest();
        }
        inFlight.add(new Written(pool.submit(() -> {
            write.run();
            return null;
        }), bytes));
        bytesInFlight += bytes;
    }

    private interface Write {
        void run() throws IOException;
    }

    private void awaitAll() throws IOException {
        while (!inFlight.isEmpty()) {
            awaitOldest();
        }
    }

    /** After a failure: a failed write leaves the others running, and none may write into the file after it. */
    private void awaitAllQuietly() {
        for (Written written : inFlight) {
            try {
                written.done().get();
            } catch (Exception ignored) {
                // the first failure is the one reported
            }
        }
        inFlight.clear();
        try {
            flushing.get();
        } catch (Exception ignored) {
            // as above
        }
    }

    private void awaitOldest() throws IOException {
        Written oldest = inFlight.peek();
        Results.await(oldest.done(), "a write of the archive");
        inFlight.poll();
        bytesInFlight -= oldest.bytes();
        unflushed += oldest.bytes();
        if (unflushed >= FLUSH_EVERY && flushing.isDone()) {
            Results.await(flushing, "a flush of the archive");
            unflushed = 0;
            flushing = pool.submit(() -> {
                target.force(false);
                return null;
            });
        }
    }

    /**
     * On a pool thread: the group's entries as the archive holds them, from its first entry's offset on, laid out in a
     * direct buffer that the write hands to the kernel as it is (a heap buffer would be copied into one first).
     */
    private void writeGroup(List<List<PlanEntries.Located>> group, long bytes) throws IOException {
        int length = Math.toIntExact(bytes);
        ByteBuffer spare = length <= DIRECT_CAPACITY ? spares.poll() : null;
        ByteBuffer laidOut = length > DIRECT_CAPACITY ? ByteBuffer.allocate(length)
                : spare != null ? spare.clear() : ByteBuffer.allocateDirect(DIRECT_CAPACITY);
        try {
            layOut(group, laidOut);
            writeAt(laidOut.flip(), group.getFirst().getFirst().offset());
        } finally {
            if (laidOut.isDirect()) {
                spares.offer(laidOut);
            }
        }
    }

    private void layOut(List<List<PlanEntries.Located>> group, ByteBuffer laidOut) throws IOException {
        for (List<PlanEntries.Located> run : group) {
            for (PlanEntries.Located at : run) {
                if (at.entry().pending()) {
                    throw new ArchiveStreamer.CrcPendingException(at.entry().name());
                }
            }
            if (run.size() == 1) {
                // a folder file, or an archive entry alone: read where it goes
                PlannedEntry entry = run.getFirst().entry();
                laidOut.put(ZipLayout.localHeader(entry));
                int start = laidOut.position();
                source.readInto(entry, laidOut);
                entry.asPlanned(laidOut.slice(start, laidOut.position() - start));
                continue;
            }
            List<ByteBuffer> data = source.read(run.stream().map(PlanEntries.Located::entry).toList());
            for (int i = 0; i < run.size(); i++) {
                PlannedEntry entry = run.get(i).entry();
                laidOut.put(ZipLayout.localHeader(entry)).put(entry.asPlanned(data.get(i)).duplicate());
            }
        }
    }

    private void writeGenerated(PlanEntries.Located at) throws IOException {
        PlannedEntry entry = at.entry();
        writeAt(ByteBuffer.wrap(ZipLayout.localHeader(entry)), at.offset());
        submitCopies(at.offset() + ZipLayout.localHeaderLength(entry), entry.storedSize(), entry.name(),
                from -> source.channel(entry, from));
    }

    /** A file opened at a byte of it. */
    private interface Opening {
        ReadableByteChannel from(long position) throws IOException;
    }

    /** {@code length} bytes of a file at {@code position} of the archive, a part a task. */
    private void submitCopies(long position, long length, String what, Opening file) throws IOException {
        for (long from = 0; from < length; from += copyPart) {
            long start = from;
            long part = Math.min(copyPart, length - from);
            submit(() -> {
                try (ReadableByteChannel channel = file.from(start)) {
                    copyAt(channel, position + start, part, what);
                }
            }, 0);
        }
    }

    /** {@code length} bytes of {@code from} at {@code position}: file to file, the kernel copies them. */
    private void copyAt(ReadableByteChannel from, long position, long length, String what) throws IOException {
        long copied = 0;
        while (copied < length) {
            long n = target.transferFrom(from, position + copied, length - copied);
            if (n <= 0) {
                throw new IOException(what + " is shorter than when the export was planned");
            }
            copied += n;
        }
    }

    private void writeAt(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += target.write(bytes, at);
        }
    }
}
