package org.samed2d.explorer.shared;

import java.util.Arrays;

/** COCO's compressed RLE of a binary mask: runs in column-major order starting with 0s, as pycocotools writes them. */
public final class CocoRle {

    private CocoRle() {
    }

    /** @param on the mask in row-major order */
    public static String counts(boolean[] on, int width, int height) {
        Runs runs = runs(on, width, height);
        StringBuilder out = new StringBuilder();
        encode(runs.lengths, runs.count, out::append);
        return out.toString();
    }

    /** How many characters the counts string takes inside a JSON string (backslashes are escaped). */
    public static int jsonLength(boolean[] on, int width, int height) {
        Runs runs = runs(on, width, height);
        return jsonLength(runs.lengths, runs.count);
    }

    private record Runs(long[] lengths, int count) {
    }

    private static Runs runs(boolean[] on, int width, int height) {
        long[] runs = new long[16];
        int n = 0;
        boolean current = false;
        long run = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean value = on[y * width + x];
                if (value != current) {
                    runs = add(runs, n++, run);
                    run = 0;
                    current = value;
                }
                run++;
            }
        }
        runs = add(runs, n++, run);
        return new Runs(runs, n);
    }

    /**
     * How many characters the counts string of a mask takes inside a JSON string (backslashes are escaped), given
     * where its value flips in column-major order ({@code x * height + y}, ascending; two flips at one position
     * cancel out).
     */
    public static int jsonLengthOfFlips(long[] flips, int count, long pixels) {
        long[] runs = new long[count + 1];
        int n = 0;
        long previous = 0;
        for (int i = 0; i < count; i++) {
            if (i + 1 < count && flips[i] == flips[i + 1]) {
                i++; // off then on again at the same place: no flip
                continue;
            }
            if (flips[i] >= pixels) {
                break;
            }
            runs[n++] = flips[i] - previous;
            previous = flips[i];
        }
        runs[n++] = pixels - previous;
        return jsonLength(runs, n);
    }

    private static int jsonLength(long[] runs, int count) {
        int[] length = new int[1];
        encode(runs, count, c -> length[0] += c == '\\' ? 2 : 1);
        return length[0];
    }

    private interface CharSink {
        void put(char c);
    }

    /** pycocotools' rleToString: each run as the difference to the run two before, 5 bits per character. */
    private static void encode(long[] runs, int count, CharSink out) {
        for (int i = 0; i < count; i++) {
            long x = runs[i];
            if (i > 2) {
                x -= runs[i - 2];
            }
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                out.put((char) (c + 48));
            }
        }
    }

    private static long[] add(long[] runs, int at, long run) {
        long[] into = at == runs.length ? Arrays.copyOf(runs, at * 2) : runs;
        into[at] = run;
        return into;
    }
}
