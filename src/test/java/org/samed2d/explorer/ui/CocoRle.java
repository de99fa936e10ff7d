package org.samed2d.explorer.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A COCO RLE decoder written from COCO's description (pycocotools {@code maskApi.c}), independent of the portal's
 * encoder: the compressed string holds run lengths, 5 bits per character offset by 48, the sixth bit "more follows",
 * the last character's fifth bit the sign; from the fourth run (index 3) on each is stored as its difference to the run two
 * before. Runs alternate background and foreground, starting with background, over the pixels in column-major order.
 */
final class CocoRle {

    private CocoRle() {
    }

    /** The uncompressed run lengths of a compressed {@code counts} string. */
    static List<Long> counts(String compressed) {
        List<Long> counts = new ArrayList<>();
        int p = 0;
        while (p < compressed.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                int c = compressed.charAt(p) - 48;
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (counts.size() > 2) {
                x += counts.get(counts.size() - 2);
            }
            counts.add(x);
        }
        return counts;
    }

    /** Foreground per pixel, row-major ({@code y * width + x}), from the column-major runs. */
    static boolean[] decode(String compressed, int width, int height) {
        boolean[] on = new boolean[width * height];
        long position = 0;
        boolean foreground = false;
        for (long run : counts(compressed)) {
            for (long i = position; i < position + run; i++) {
                int x = (int) (i / height);
                int y = (int) (i % height);
                on[y * width + x] = foreground;
            }
            position += run;
            foreground = !foreground;
        }
        if (position != (long) width * height) {
            throw new IllegalArgumentException("the runs cover " + position + " pixels, the mask has " + width * height);
        }
        return on;
    }
}
