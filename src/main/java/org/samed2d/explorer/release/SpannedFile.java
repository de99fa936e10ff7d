package org.samed2d.explorer.release;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Several files read as one: the parts of a split ZIP in order ({@code .z01 ... .zNN, .zip}). Positional reads
 * only, so many threads can read at once, and nothing is joined or copied.
 */
final class SpannedFile implements AutoCloseable, Positional {

    private final List<FileChannel> parts = new ArrayList<>();
    private final long[] starts;
    private final long size;

    SpannedFile(List<Path> paths) throws IOException {
        starts = new long[paths.size()];
        long offset = 0;
        try {
            for (int i = 0; i < paths.size(); i++) {
                FileChannel channel = FileChannel.open(paths.get(i), StandardOpenOption.READ);
                parts.add(channel);
                starts[i] = offset;
                offset += channel.size();
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        size = offset;
    }

    @Override
    public long size() {
        return size;
    }

    int partCount() {
        return parts.size();
    }

    /** Where part {@code index} (a ZIP "disk number") starts in the spanned whole. */
    long partStart(int index) throws IOException {
        if (index < 0 || index >= starts.length) {
            throw new IOException("the archive refers to part " + (index + 1) + " but has " + starts.length + " parts");
        }
        return starts[index];
    }

    /** Fills {@code buffer} from {@code position}, across part boundaries; fails at the end of the last part. */
    void readFully(long position, ByteBuffer buffer) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int part = partAt(at);
            int read = parts.get(part).read(buffer, at - starts[part]);
            if (read <= 0) {
                if (part == parts.size() - 1) {
                    throw new EOFException("read past the end of the archive at offset " + at);
                }
                continue;
            }
            at += read;
        }
    }

    @Override
    public byte[] read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        readFully(position, buffer);
        return buffer.array();
    }

    private int partAt(long position) throws EOFException {
        if (position >= size || position < 0) {
            throw new EOFException("offset " + position + " is outside the archive (" + size + " bytes)");
        }
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= position) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        // Skip empty parts that share a start offset with the next one.
        while (low < starts.length - 1 && starts[low + 1] <= position) {
            low++;
        }
        return low;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (FileChannel part : parts) {
            try {
                part.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
