package org.samed2d.explorer.search.lucene;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.FixedBitSet;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.search.engine.ImageHits;
import org.samed2d.explorer.search.engine.MaskHits;
import org.samed2d.explorer.search.engine.SortValues;

/**
 * Answers from one {@link LuceneIndex}'s latest refreshed point in time: facets (cached per filter and reader,
 * each with its bitset of matching images), keyset pages of masks, and runs of images.
 */
final class LuceneReads {

    private final LuceneIndex index;
    private final ReaderColumns.Cache columns = new ReaderColumns.Cache();
    private final LuceneQueries queries = new LuceneQueries();
    private final LuceneFacets facets = new LuceneFacets(queries);
    /** Recent evaluations by filter and reader; each holds a bitset of images, so the bound is in bytes. */
    private final Cache<ResultKey, LuceneFacets.Evaluation> results = Caffeine.newBuilder()
            .maximumWeight(256L << 20)
            .weigher((ResultKey key, LuceneFacets.Evaluation value) -> 1024 + value.images().getBits().length * 8)
            .build();

    private record ResultKey(IndexReader.CacheKey reader, MaskFilter filter) {
    }

    LuceneReads(LuceneIndex index) {
        this.index = index;
    }

    long documentCount() {
        return index.withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    FacetCounts facets(MaskFilter filter) {
        return index.withSearcher(searcher -> evaluation(searcher, filter).facets());
    }

    /** The area-fraction histogram under every filter but the fraction range: one pass over the matching masks. */
    List<FacetCounts.FractionBin> fractionHistogram(MaskFilter filter) {
        MaskFilter others = new MaskFilter(filter.values(), filter.area(), filter.width(), filter.height(),
                MaskFilter.FractionBounds.ANY, filter.text());
        return index.withSearcher(searcher -> searcher.search(queries.all(others), new FractionCounting()));
    }

    private LuceneFacets.Evaluation evaluation(IndexSearcher searcher, MaskFilter filter) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        ReaderColumns readerColumns = columns.of(reader);
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return facets.evaluate(searcher, readerColumns, filter);
        }
        ResultKey key = new ResultKey(helper.getKey(), filter);
        LuceneFacets.Evaluation known = results.getIfPresent(key);
        if (known == null) {
            known = facets.evaluate(searcher, readerColumns, filter);
            results.put(key, known);
        }
        return known;
    }

    List<ImagePage.ImageHit> imagesAt(MaskFilter filter, long offset, int limit) {
        return index.withSearcher(searcher -> {
            FixedBitSet images = evaluation(searcher, filter).images();
            long first = imageAtRank(images, offset);
            if (first < 0) {
                return List.of();
            }
            return imageHits(searcher, filter, first - 1, limit).hits();
        });
    }

    List<Long> matchingMasks(MaskFilter filter, long imageId) {
        return index.withSearcher(searcher -> {
            List<ImagePage.ImageHit> hits = imageHits(searcher, filter, imageId - 1, 1).hits();
            return hits.isEmpty() || hits.getFirst().imageId() != imageId ? List.<Long>of() : hits.getFirst().maskIds();
        });
    }

    long neighbourImage(MaskFilter filter, long imageId, boolean forward) {
        return index.withSearcher(searcher -> {
            FixedBitSet images = evaluation(searcher, filter).images();
            if (forward) {
                long from = imageId + 1;
                if (from >= images.length()) {
                    return -1L;
                }
                int next = images.nextSetBit((int) from);
                return next == DocIdSetIterator.NO_MORE_DOCS ? -1L : (long) next;
            }
            long from = Math.min(imageId - 1, images.length() - 1);
            return from < 0 ? -1L : (long) images.prevSetBit((int) from);
        });
    }

    /** The id of the image at 0-based rank {@code rank} among the set bits, or -1 past the end. */
    private static long imageAtRank(FixedBitSet images, long rank) {
        long[] words = images.getBits();
        long remaining = rank;
        for (int w = 0; w < words.length; w++) {
            int count = Long.bitCount(words[w]);
            if (remaining < count) {
                long word = words[w];
                for (long skip = remaining; skip > 0; skip--) {
                    word &= word - 1;
                }
                return (long) w * 64 + Long.numberOfTrailingZeros(word);
            }
            remaining -= count;
        }
        return -1;
    }

    MaskHits masks(MaskFilter filter, MaskSort sort, int limit, @Nullable SortValues after) {
        return index.withSearcher(searcher -> {
            long total = evaluation(searcher, filter).facets().counts().masks();
            FieldDoc position = after == null ? null : afterAll(searcher, LuceneSorts.fields(after));
            TopFieldDocs top = searcher.searchAfter(position, queries.all(filter), limit + 1, LuceneSorts.of(sort),
                    false);
            List<Long> ids = new ArrayList<>();
            SortValues next = null;
            for (int i = 0; i < top.scoreDocs.length && i < limit; i++) {
                Object[] values = ((FieldDoc) top.scoreDocs[i]).fields;
                ids.add((Long) values[values.length - 1]);
                if (i == limit - 1 && top.scoreDocs.length > limit) {
                    next = LuceneSorts.values(values);
                }
            }
            return new MaskHits(ids, next, total);
        });
    }

    ImageHits images(MaskFilter filter, long afterImage, int limit) {
        return index.withSearcher(searcher -> imageHits(searcher, filter, afterImage, limit));
    }

    /**
     * Up to {@code limit} images with ids above {@code afterImage}, and whether more follow. The filter's image set
     * names the page's images; one query limited to their id range then finds their masks. (Paging with a sorted
     * search-after instead re-ranked every matching mask for every page, which made walking a million-mask result,
     * as an export does, quadratic.)
     */
    private ImageHits imageHits(IndexSearcher searcher, MaskFilter filter, long afterImage, int limit)
            throws IOException {
        LuceneFacets.Evaluation evaluation = evaluation(searcher, filter);
        FixedBitSet matching = evaluation.images();
        long total = evaluation.facets().counts().images();
        List<Long> page = new ArrayList<>();
        int next = (int) Math.min(Integer.MAX_VALUE, afterImage + 1);
        while (page.size() <= limit && next < matching.length()) {
            int image = matching.nextSetBit(next);
            if (image == DocIdSetIterator.NO_MORE_DOCS) {
                break;
            }
            page.add((long) image);
            next = image + 1;
        }
        boolean more = page.size() > limit;
        if (more) {
            page.removeLast();
        }
        if (page.isEmpty()) {
            return new ImageHits(List.of(), false, total);
        }
        Query inRange = new BooleanQuery.Builder()
                .add(queries.all(filter), BooleanClause.Occur.FILTER)
                .add(LongField.newRangeQuery(LuceneDocuments.IMAGE, page.getFirst(), page.getLast()),
                        BooleanClause.Occur.FILTER)
                .build();
        Map<Long, List<Long>> masksByImage = searcher.search(inRange, new ImageRangeMasks());
        List<ImagePage.ImageHit> hits = new ArrayList<>(page.size());
        for (long image : page) {
            List<Long> masks = masksByImage.get(image);
            if (masks != null) {
                hits.add(new ImagePage.ImageHit(image, List.copyOf(masks)));
            }
        }
        return new ImageHits(hits, more, total);
    }

    /**
     * The position after a cursor's sort values. Those values end with the unique mask id, so ties can only be the
     * mask itself, which the last document number puts before every document.
     */
    private static FieldDoc afterAll(IndexSearcher searcher, Object[] values) {
        return new FieldDoc(Math.max(0, searcher.getIndexReader().maxDoc() - 1), Float.NaN, values);
    }
}
