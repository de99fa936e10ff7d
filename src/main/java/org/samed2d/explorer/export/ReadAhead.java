package org.samed2d.explorer.export;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Reads ahead of a sequential consumer on a pool of threads and hands the results back in the consumer's order, so
 * that many file opens are in flight while one thread writes, and the opens, not that thread, set the pace. At most
 * {@code maxItems} items and {@code maxBytes} of their weight are ahead at once.
 *
 * <p>Reads are never interrupted, even when the consumer stops early: a thread interrupted inside a
 * {@code FileChannel} read closes the channel, which the media module shares between all readers of an archive.
 */
final class ReadAhead<T, R> implements AutoCloseable {

    /** The read for one item, or none when the item needs no read. */
    @FunctionalInterface
    interface Reader<T, R> {
        @Nullable Read<R> of(T item);
    }

    @FunctionalInterface
    interface Read<R> {
        R run() throws IOException;
    }

    /** An item and, when it needed one, its read, possibly still running. */
    static final class Slot<T, R> {
        private final T item;
        private final @Nullable Future<R> result;
        private final long weight;

        private Slot(T item, @Nullable Future<R> result, long weight) {
            this.item = item;
            this.result = result;
            this.weight = weight;
        }

        T item() {
            return item;
        }

        /** The read's result, waiting for it; fails as the read did. */
        R result() throws IOException {
            if (result == null) {
                throw new IllegalStateException("no read was made for " + item);
            }
            return Results.await(result, () -> "a read of " + item);
        }
    }

    private final Iterator<T> items;
    private final Reader<T, R> reader;
    private final ToLongFunction<T> weigher;
    private final ExecutorService pool;
    private final int maxItems;
    private final long maxBytes;
    private final ArrayDeque<Slot<T, R>> window = new ArrayDeque<>();
    private long bytesAhead;

    ReadAhead(Iterator<T> items, Reader<T, R> reader, ToLongFunction<T> weigher, ExecutorService pool, int maxItems,
              long maxBytes) {
        this.items = items;
        this.reader = reader;
        this.weigher = weigher;
        this.pool = pool;
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
    }

    boolean hasNext() {
        fill();
        return !window.isEmpty();
    }

    /** The next item in order, its read started long ago with luck. */
    Slot<T, R> next() {
        fill();
        Slot<T, R> slot = window.poll();
        if (slot == null) {
            throw new java.util.NoSuchElementException();
        }
        bytesAhead -= slot.weight;
        fill();
        return slot;
    }

    private void fill() {
        while (window.size() < maxItems && (bytesAhead < maxBytes || window.isEmpty()) && items.hasNext()) {
            T item = items.next();
            Read<R> read = reader.of(item);
            long weight = read == null ? 0 : weigher.applyAsLong(item);
            Future<R> result = read == null ? null : pool.submit(read::run);
            window.add(new Slot<>(item, result, weight));
            bytesAhead += weight;
        }
    }

    /** Lets reads still running finish on their own and drops their results. */
    @Override
    public void close() {
        for (Slot<T, R> slot : window) {
            if (slot.result != null) {
                slot.result.cancel(false);
            }
        }
        window.clear();
    }
}
