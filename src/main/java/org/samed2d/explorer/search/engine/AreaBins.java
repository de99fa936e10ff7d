package org.samed2d.explorer.search.engine;

import org.jspecify.annotations.Nullable;

/**
 * Logarithmic area bins for the histogram: bin {@code k >= 1} holds areas in {@code [2^(k-1), 2^k - 1]}; bin 0 holds
 * masks whose area is not known yet (geometry pending).
 */
public final class AreaBins {

    public static final int UNKNOWN = 0;
    public static final int COUNT = 64;

    private AreaBins() {
    }

    public static int of(@Nullable Long area) {
        if (area == null || area <= 0) {
            return UNKNOWN;
        }
        return 64 - Long.numberOfLeadingZeros(area);
    }

    public static long min(int bin) {
        return 1L << (bin - 1);
    }

    public static long max(int bin) {
        return bin >= 63 ? Long.MAX_VALUE : (1L << bin) - 1;
    }
}
