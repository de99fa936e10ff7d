package org.samed2d.explorer.release;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Bytes read by position: a whole (split) archive, or a block of it read at once. */
interface Positional {

    long size();

    byte[] read(long position, int length) throws IOException;

    /** {@link #read}, as a buffer that may share the bytes of a block already read instead of copying them. */
    default ByteBuffer view(long position, int length) throws IOException {
        return ByteBuffer.wrap(read(position, length));
    }

    /**
     * {@code length} bytes of {@code file} from {@code start}, read in one call and served from memory; reads outside
     * them go to the file.
     */
    static Positional block(SpannedFile file, long start, int length) throws IOException {
        byte[] bytes = file.read(start, length);
        return new Positional() {
            @Override
            public long size() {
                return file.size();
            }

            @Override
            public byte[] read(long position, int wanted) throws IOException {
                if (position >= start && position + wanted <= start + bytes.length) {
                    int from = (int) (position - start);
                    return java.util.Arrays.copyOfRange(bytes, from, from + wanted);
                }
                return file.read(position, wanted);
            }

            @Override
            public ByteBuffer view(long position, int wanted) throws IOException {
                if (position >= start && position + wanted <= start + bytes.length) {
                    return ByteBuffer.wrap(bytes, (int) (position - start), wanted).slice();
                }
                return ByteBuffer.wrap(file.read(position, wanted));
            }
        };
    }
}
