package org.samed2d.explorer.search.lucene;

import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;
import org.jspecify.annotations.Nullable;

/**
 * Counts the documents a query matches per cell and, for documents in cells that pass every dimension filter, marks
 * their images; one collector per searcher slice, merged at the end.
 *
 * @param imagesOf which cells' documents count towards the image total; null to count no images
 */
record CellCounting(ReaderColumns columns, boolean @Nullable [] imagesOf)
        implements CollectorManager<CellCounting.Slice, CellCounting.Result> {

    /** Documents per cell and the distinct images of documents in passing cells. */
    record Result(long[] cellCounts, @Nullable FixedBitSet images) {
    }

    @Override
    public Slice newCollector() {
        return new Slice(columns, imagesOf);
    }

    @Override
    public Result reduce(Collection<Slice> slices) {
        long[] counts = new long[columns.cells().size()];
        FixedBitSet images = imagesOf == null ? null : new FixedBitSet(columns.maxImage() + 1);
        for (Slice slice : slices) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += slice.counts[i];
            }
            if (images != null && slice.images != null) {
                images.or(slice.images);
            }
        }
        return new Result(counts, images);
    }

    static final class Slice implements Collector {
        private final ReaderColumns columns;
        private final boolean @Nullable [] imagesOf;
        private final int[] counts;
        private final @Nullable FixedBitSet images;

        Slice(ReaderColumns columns, boolean @Nullable [] imagesOf) {
            this.columns = columns;
            this.imagesOf = imagesOf;
            this.counts = new int[columns.cells().size()];
            this.images = imagesOf == null ? null : new FixedBitSet(columns.maxImage() + 1);
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            SegmentColumns segment = columns.segment(context.ord);
            int[] cells = segment.cells();
            int[] imageIds = segment.images();
            boolean[] passing = imagesOf;
            FixedBitSet marks = images;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counting needs no scores
                }

                @Override
                public void collect(int doc) {
                    int cell = cells[doc];
                    counts[cell]++;
                    if (passing != null && passing[cell]) {
                        marks.set(imageIds[doc]);
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
