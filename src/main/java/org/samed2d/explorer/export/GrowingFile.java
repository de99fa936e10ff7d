package org.samed2d.explorer.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A file read while another thread still writes it (a plan being walked): at its end a read waits for more until
 * the writer is {@code done}, and only then ends. The writer must have closed the file before it says it is done.
 */
final class GrowingFile extends InputStream {

    private static final long WAIT_MILLIS = 5;

    private final Path file;
    private final BooleanSupplier done;
    private @Nullable InputStream in;

    GrowingFile(Path file, BooleanSupplier done) {
        this.file = file;
        this.done = done;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            // asked before reading: once done, everything was written before the read below
            boolean finished = done.getAsBoolean();
            InputStream open = opened();
            int read = open == null ? -1 : open.read(buffer, offset, length);
            if (read >= 0 || finished) {
                if (read < 0 && open == null) {
                    throw new NoSuchFileException(file.toString(), null, "never written");
                }
                return read;
            }
            try {
                Thread.sleep(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for more of " + file.getFileName());
            }
        }
    }

    private @Nullable InputStream opened() throws IOException {
        if (in == null && Files.exists(file)) {
            in = Files.newInputStream(file);
        }
        return in;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
