package org.samed2d.explorer.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.samed2d.explorer.search.engine.CellTable;

/**
 * The facet columns of every segment of one point-in-time reader, and the unfiltered cell counts and image total,
 * which every request without a filter needs and which only change when the reader does.
 */
final class ReaderColumns {

    private final List<SegmentColumns> segments;
    private final CellTable.View cells;
    private final int maxImage;
    private final long[] allCellCounts;
    private final FixedBitSet allImages;

    private ReaderColumns(List<SegmentColumns> segments, CellTable.View cells, List<LeafReaderContext> leaves) {
        this.segments = segments;
        this.cells = cells;
        this.maxImage = segments.stream().mapToInt(SegmentColumns::maxImage).max().orElse(0);
        this.allCellCounts = new long[cells.size()];
        FixedBitSet images = new FixedBitSet(maxImage + 1);
        for (LeafReaderContext leaf : leaves) {
            SegmentColumns columns = segments.get(leaf.ord);
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < columns.cells().length; doc++) {
                if (live == null || live.get(doc)) {
                    allCellCounts[columns.cells()[doc]]++;
                    images.set(columns.images()[doc]);
                }
            }
        }
        this.allImages = images;
    }

    SegmentColumns segment(int leafOrd) {
        return segments.get(leafOrd);
    }

    CellTable.View cells() {
        return cells;
    }

    int maxImage() {
        return maxImage;
    }

    long[] allCellCounts() {
        return allCellCounts;
    }

    /** Images with at least one mask; never modified by callers. */
    FixedBitSet allImages() {
        return allImages;
    }

    /** Columns per segment core and per top-level reader, dropped when Lucene closes them. */
    static final class Cache {
        private final CellTable table = new CellTable();
        private final Map<IndexReader.CacheKey, SegmentColumns> bySegment = new ConcurrentHashMap<>();
        private final Map<IndexReader.CacheKey, ReaderColumns> byReader = new ConcurrentHashMap<>();

        ReaderColumns of(IndexReader reader) {
            IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
            if (helper == null) {
                return build(reader);
            }
            ReaderColumns known = byReader.get(helper.getKey());
            if (known != null) {
                return known;
            }
            synchronized (this) {
                return byReader.computeIfAbsent(helper.getKey(), key -> {
                    helper.addClosedListener(byReader::remove);
                    return build(reader);
                });
            }
        }

        private ReaderColumns build(IndexReader reader) {
            List<LeafReaderContext> leaves = reader.leaves();
            List<SegmentColumns> segments = leaves.stream().map(leaf -> segment(leaf.reader())).toList();
            // the view is taken after every segment is loaded, so it holds every cell they use
            return new ReaderColumns(segments, table.view(), leaves);
        }

        private SegmentColumns segment(LeafReader leaf) {
            IndexReader.CacheHelper core = leaf.getCoreCacheHelper();
            if (core == null) {
                return loadSegment(leaf);
            }
            return bySegment.computeIfAbsent(core.getKey(), key -> {
                core.addClosedListener(bySegment::remove);
                return loadSegment(leaf);
            });
        }

        private SegmentColumns loadSegment(LeafReader leaf) {
            try {
                return SegmentColumns.load(leaf, table);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the facet columns of a search index segment", e);
            }
        }
    }
}
