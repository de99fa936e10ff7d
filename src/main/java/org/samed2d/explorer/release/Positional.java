package org.samed2d.explorer.release;

import java.io.IOException;

/** Bytes read by position: a whole (split) archive, or a block of it read at once. */
interface Positional {

    long size();

    byte[] read(long position, int length) throws IOException;

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
        };
    }
}
