package org.samed2d.explorer.search.engine;

import java.util.ArrayList;
import java.util.List;
import org.samed2d.explorer.search.FacetCounts.FractionBin;

/**
 * Power-of-two bins of a mask's area as a fraction of its image, for the histogram in "% of image": bin {@code k}
 * holds fractions in {@code [2^-(k+1), 2^-k)} (bin 0 also holds 1), the last everything below {@code 2^-LAST}. The
 * bounds are powers of two, exact in a double, so both engines put a fraction in the same bin.
 */
public final class FractionBins {

    public static final int LAST = 20;

    private FractionBins() {
    }

    public static int of(double fraction) {
        if (!(fraction > 0)) {
            return LAST;
        }
        return Math.clamp(-Math.getExponent(fraction) - 1, 0, LAST);
    }

    /** The smallest fraction in the bin (inclusive). */
    public static double min(int bin) {
        return bin == LAST ? 0 : Math.scalb(1.0, -(bin + 1));
    }

    /** The bin's upper end (exclusive, but bin 0 includes it). */
    public static double max(int bin) {
        return Math.scalb(1.0, -bin);
    }

    /** Counts by bin as the histogram: from the smallest to the largest non-empty bin, in increasing fraction. */
    public static List<FractionBin> histogram(long[] counts) {
        int smallest = LAST;
        while (smallest >= 0 && counts[smallest] == 0) {
            smallest--;
        }
        int largest = 0;
        while (largest <= LAST && counts[largest] == 0) {
            largest++;
        }
        List<FractionBin> bins = new ArrayList<>();
        for (int bin = smallest; bin >= largest; bin--) {
            bins.add(new FractionBin(min(bin), max(bin), counts[bin]));
        }
        return bins;
    }
}
