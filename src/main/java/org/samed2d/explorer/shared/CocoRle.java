package org.samed2d.explorer.shared;

import java.util.ArrayList;
import java.util.List;

/** COCO's compressed RLE of a binary mask: runs in column-major order starting with 0s, as pycocotools writes them. */
public final class CocoRle {

    private CocoRle() {
    }

    /** @param on the mask in row-major order */
    public static String counts(boolean[] on, int width, int height) {
        List<Long> runs = new ArrayList<>();
        boolean current = false;
        long run = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean value = on[y * width + x];
                if (value != current) {
                    runs.add(run);
                    run = 0;
                    current = value;
                }
                run++;
            }
        }
        runs.add(run);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            long x = runs.get(i);
            if (i > 2) {
                x -= runs.get(i - 2);
            }
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                out.append((char) (c + 48));
            }
        }
        return out.toString();
    }
}
