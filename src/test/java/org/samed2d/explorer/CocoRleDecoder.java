package org.samed2d.explorer;

import java.util.ArrayList;
import java.util.List;

/** pycocotools' rleFrString and rleDecode, written out from its C source, to check our encoder independently. */
public final class CocoRleDecoder {

    private CocoRleDecoder() {
    }

    public static boolean[] decode(String counts, int height, int width) {
        List<Long> runs = new ArrayList<>();
        int p = 0;
        while (p < counts.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                long c = counts.charAt(p) - 48;
                x |= (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (runs.size() > 2) {
                x += runs.get(runs.size() - 2);
            }
            runs.add(x);
        }
        boolean[] columnMajor = new boolean[height * width];
        int at = 0;
        boolean value = false;
        for (long run : runs) {
            for (long i = 0; i < run; i++) {
                columnMajor[at++] = value;
            }
            value = !value;
        }
        boolean[] rowMajor = new boolean[height * width];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                rowMajor[y * width + x] = columnMajor[x * height + y];
            }
        }
        return rowMajor;
    }
}
