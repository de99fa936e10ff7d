package org.samed2d.explorer.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * The matching masks of a run of images, grouped by image in id order. The query is already limited to the run's image
 * ids (a points range), so a page costs what it holds, not what the whole result holds.
 */
final class ImageRangeMasks implements CollectorManager<ImageRangeMasks.Slice, Map<Long, List<Long>>> {

    @Override
    public Slice newCollector() {
        return new Slice();
    }

    @Override
    public Map<Long, List<Long>> reduce(Collection<Slice> slices) {
        Map<Long, List<Long>> byImage = new TreeMap<>();
        for (Slice slice : slices) {
            slice.found.forEach((image, masks) -> byImage.computeIfAbsent(image, i -> new ArrayList<>()).addAll(masks));
        }
        byImage.values().forEach(masks -> masks.sort(null));
        return byImage;
    }

    static final class Slice implements Collector {
        private final Map<Long, List<Long>> found = new TreeMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedNumericDocValues images = DocValues.getSortedNumeric(context.reader(), LuceneDocuments.IMAGE);
            SortedNumericDocValues ids = DocValues.getSortedNumeric(context.reader(), LuceneDocuments.ID);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // no scores: masks are ordered by id
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (images.advanceExact(doc) && ids.advanceExact(doc)) {
                        found.computeIfAbsent(images.nextValue(), i -> new ArrayList<>()).add(ids.nextValue());
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
