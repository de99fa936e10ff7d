package org.samed2d.explorer.search.lucene;

import java.io.IOException;
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
import org.samed2d.explorer.search.engine.FractionBins;

/**
 * Matching masks per {@link FractionBins} bin, read from the fraction's doc values; masks not measured yet have none
 * and are left out.
 */
final class FractionCounting implements CollectorManager<FractionCounting.Slice, List<FractionBin>> {

    @Override
    public Slice newCollector() {
        return new Slice();
    }

    @Override
    public List<FractionBin> reduce(Collection<Slice> slices) {
        long[] counts = new long[FractionBins.LAST + 1];
        for (Slice slice : slices) {
            for (int bin = 0; bin <= FractionBins.LAST; bin++) {
                counts[bin] += slice.counts[bin];
            }
        }
        return FractionBins.histogram(counts);
    }

    static final class Slice implements Collector {
        private final long[] counts = new long[FractionBins.LAST + 1];

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedNumericDocValues fractions = DocValues.getSortedNumeric(context.reader(),
                    LuceneDocuments.AREA_FRACTION);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counts only
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (fractions.advanceExact(doc)) {
                        counts[FractionBins.of(NumericUtils.sortableLongToDouble(fractions.nextValue()))]++;
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
