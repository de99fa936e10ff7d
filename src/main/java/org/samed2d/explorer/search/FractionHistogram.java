package org.samed2d.explorer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.NumericUtils;
import org.samed2d.explorer.search.FacetCounts.FractionBin;

/**
 * Masks per area fraction in power-of-two bins, for the area histogram in "% of image": bin {@code k} holds fractions
 * in {@code [2^-(k+1), 2^-k)} (the first also holds 1), the last everything below {@code 2^-LAST}. Read from the
 * fraction's doc values of the matching masks; masks not measured yet have none and are left out.
 */
final class FractionHistogram implements CollectorManager<FractionHistogram.Slice, List<FractionBin>> {

    static final int LAST = 20;

    static int of(double fraction) {
        if (!(fraction > 0)) {
            return LAST;
        }
        return Math.clamp(-Math.getExponent(fraction) - 1, 0, LAST);
    }

    static double min(int bin) {
        return bin == LAST ? 0 : Math.scalb(1.0, -(bin + 1));
    }

    static double max(int bin) {
        return Math.scalb(1.0, -bin);
    }

    @Override
    public Slice newCollector() {
        return new Slice();
    }

    /** The bins from the smallest to the largest non-empty one, in increasing fraction. */
    @Override
    public List<FractionBin> reduce(Collection<Slice> slices) {
        long[] counts = new long[LAST + 1];
        slices.forEach(slice -> {
            for (int bin = 0; bin <= LAST; bin++) {
                counts[bin] += slice.counts[bin];
            }
        });
        List<FractionBin> bins = new ArrayList<>();
        int smallest = LAST;
        while (smallest >= 0 && counts[smallest] == 0) {
            smallest--;
        }
        int largest = 0;
        while (largest <= LAST && counts[largest] == 0) {
            largest++;
        }
        for (int bin = smallest; bin >= largest; bin--) {
            bins.add(new FractionBin(min(bin), max(bin), counts[bin]));
        }
        return bins;
    }

    static final class Slice implements Collector {
        private final long[] counts = new long[LAST + 1];

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedNumericDocValues fractions = DocValues.getSortedNumeric(context.reader(), MaskDocuments.AREA_FRACTION);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counts only
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (fractions.advanceExact(doc)) {
                        counts[of(NumericUtils.sortableLongToDouble(fractions.nextValue()))]++;
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
