package org.samed2d.explorer.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.IndexedMask;

/**
 * The search engine on one index folder: writes mask documents, and answers counts, facets and pages from the
 * latest refreshed point in time. Thread-safe. The Spring service keeps it in step with the catalog; the bench
 * drives it directly.
 */
public final class MaskSearch implements AutoCloseable {

    /** Commit data key: the highest catalog change applied, so a restart knows where to catch up from. */
    private static final String APPLIED_CHANGE = "appliedChange";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ExecutorService executor;
    private final MaskDocuments documents;
    private final ReaderColumns.Cache columns = new ReaderColumns.Cache();
    private final LuceneQueries queries = new LuceneQueries();
    private final FacetEngine facets = new FacetEngine(queries);
    private final Cursors cursors;
    /** Recent evaluations by filter and reader; each holds a bitset of images, so the bound is in bytes. */
    private final Cache<ResultKey, FacetEngine.Evaluation> results = Caffeine.newBuilder()
            .maximumWeight(256L << 20)
            .weigher((ResultKey key, FacetEngine.Evaluation value) -> 1024 + value.images().getBits().length * 8)
            .build();

    private record ResultKey(IndexReader.CacheKey reader, MaskFilter filter) {
    }

    private MaskSearch(Directory directory, IndexWriter writer, ExecutorService executor, RegionMap regions,
                       byte[] cursorKey) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.executor = executor;
        this.documents = new MaskDocuments(regions);
        this.cursors = new Cursors(cursorKey);
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new IndexSearcher(reader, executor);
            }
        });
    }

    /**
     * Opens the index in {@code folder}, creating it if there is none. Throws {@link IOException} when what is there
     * cannot be read as an index (the caller rebuilds it).
     *
     * @param threads searcher threads; each request's work is split over them
     */
    public static MaskSearch open(Path folder, RegionMap regions, byte[] cursorKey, int threads) throws IOException {
        Directory directory = FSDirectory.open(folder);
        ExecutorService executor = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon()
                .name("search-", 0).factory());
        IndexWriter writer = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(128)
                    .setIndexSort(new Sort(LongField.newSortField(MaskDocuments.ID, false,
                            SortedNumericSelector.Type.MIN)));
            writer = new IndexWriter(directory, config);
            return new MaskSearch(directory, writer, executor, regions, cursorKey);
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                try {
                    writer.rollback();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            executor.shutdownNow();
            directory.close();
            throw e;
        }
    }

    // ---- writing

    /** The highest catalog change number committed to this index; 0 for a new one. */
    public long appliedChange() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().equals(APPLIED_CHANGE)) {
                    return Long.parseLong(entry.getValue());
                }
            }
        }
        return 0;
    }

    /**
     * Adds or replaces the documents of these masks.
     *
     * @param absent true when none of them can be in the index yet (a build from empty), which skips the lookups
     */
    public void put(List<IndexedMask> masks, boolean absent) throws IOException {
        for (IndexedMask mask : masks) {
            Document doc = documents.build(mask);
            if (absent) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(MaskDocuments.key(mask.id()), doc);
            }
        }
    }

    public void remove(Collection<Long> maskIds) throws IOException {
        Term[] keys = maskIds.stream().map(MaskDocuments::key).toArray(Term[]::new);
        if (keys.length > 0) {
            writer.deleteDocuments(keys);
        }
    }

    /** Makes everything written so far durable, together with the catalog change it brings the index up to. */
    public void commit(long appliedChange) throws IOException {
        writer.setLiveCommitData(Map.of(APPLIED_CHANGE, Long.toString(appliedChange)).entrySet());
        writer.commit();
    }

    /** Makes everything written so far visible to searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Removes every document (the commit that follows makes it durable). */
    public void clear() throws IOException {
        writer.deleteAll();
        writer.setLiveCommitData(Map.of(APPLIED_CHANGE, "0").entrySet());
    }

    /** Documents visible to searches. */
    public long documentCount() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /** Bytes the index takes on disk. */
    public long sizeOnDisk() throws IOException {
        long bytes = 0;
        for (String file : directory.listAll()) {
            bytes += directory.fileLength(file);
        }
        return bytes;
    }

    // ---- reading

    public MaskCounts counts(MaskFilter filter) {
        return facets(filter).counts();
    }

    public FacetCounts facets(MaskFilter filter) {
        return withSearcher(searcher -> evaluation(searcher, filter).facets());
    }

    private FacetEngine.Evaluation evaluation(IndexSearcher searcher, MaskFilter filter) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        ReaderColumns readerColumns = columns.of(reader);
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return facets.evaluate(searcher, readerColumns, filter);
        }
        ResultKey key = new ResultKey(helper.getKey(), filter);
        FacetEngine.Evaluation known = results.getIfPresent(key);
        if (known == null) {
            known = facets.evaluate(searcher, readerColumns, filter);
            results.put(key, known);
        }
        return known;
    }

    /** The area-fraction histogram with every filter except the fraction range. */
    public List<FacetCounts.FractionBin> fractionHistogram(MaskFilter filter) {
        MaskFilter others = new MaskFilter(filter.values(), filter.area(), filter.width(), filter.height(),
                MaskFilter.FractionBounds.ANY, filter.text());
        return withSearcher(searcher -> searcher.search(queries.all(others), new FractionHistogram()));
    }

    /**
     * Images with matching masks at positions {@code [offset, offset + limit)} of the image-id order, each with its
     * matching masks: random access for scrolling grids, at the cost of one bit count over the matching images.
     */
    public List<ImagePage.ImageHit> imagesAt(MaskFilter filter, long offset, int limit) {
        return withSearcher(searcher -> {
            FixedBitSet images = evaluation(searcher, filter).images();
            long first = imageAtRank(images, offset);
            if (first < 0) {
                return List.of();
            }
            return imageHits(searcher, filter, first - 1, limit).hits();
        });
    }

    /** The ids of this image's masks that match the filter. */
    public List<Long> matchingMasks(MaskFilter filter, long imageId) {
        return withSearcher(searcher -> {
            List<ImagePage.ImageHit> hits = imageHits(searcher, filter, imageId - 1, 1).hits();
            return hits.isEmpty() || hits.getFirst().imageId() != imageId ? List.<Long>of() : hits.getFirst().maskIds();
        });
    }

    /** The next (or previous) image id after {@code imageId} with a matching mask, or -1 when there is none. */
    public long neighbourImage(MaskFilter filter, long imageId, boolean forward) {
        return withSearcher(searcher -> {
            FixedBitSet images = evaluation(searcher, filter).images();
            if (forward) {
                long from = imageId + 1;
                if (from >= images.length()) {
                    return -1L;
                }
                int next = images.nextSetBit((int) from);
                return next == org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS ? -1L : (long) next;
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

    /** A page of matching mask ids in the given order, after the position {@code cursor} names (or from the start). */
    public MaskPage masks(MaskFilter filter, MaskSort sort, int limit, @Nullable String cursor) {
        Object[] afterValues = cursor == null ? null : cursors.decode(cursor, sort.parameter(), filter);
        long total = counts(filter).masks();
        return withSearcher(searcher -> {
            FieldDoc after = afterValues == null ? null : afterAll(searcher, afterValues);
            TopFieldDocs top = searcher.searchAfter(after, queries.all(filter), limit + 1, sort.luceneSort(), false);
            List<Long> ids = new ArrayList<>();
            String next = null;
            for (int i = 0; i < top.scoreDocs.length && i < limit; i++) {
                Object[] values = ((FieldDoc) top.scoreDocs[i]).fields;
                ids.add((Long) values[values.length - 1]);
                if (i == limit - 1 && top.scoreDocs.length > limit) {
                    next = cursors.encode(sort.parameter(), filter, values);
                }
            }
            return new MaskPage(ids, next, total);
        });
    }

    /** A page of images with matching masks, by image id, each with its matching mask ids. */
    public ImagePage images(MaskFilter filter, int limit, @Nullable String cursor) {
        String order = "images";
        long afterImage = cursor == null ? -1 : (Long) cursors.decode(cursor, order, filter)[0];
        long total = counts(filter).images();
        return withSearcher(searcher -> {
            ImageHits page = imageHits(searcher, filter, afterImage, limit);
            String next = page.more()
                    ? cursors.encode(order, filter, new Object[] {page.hits().getLast().imageId()}) : null;
            return new ImagePage(page.hits(), next, total);
        });
    }

    private record ImageHits(List<ImagePage.ImageHit> hits, boolean more) {
    }

    /**
     * Up to {@code limit} images with ids above {@code afterImage}, and whether more follow. The filter's image set
     * names the page's images; one query limited to their id range then finds their masks. (Paging with a sorted
     * search-after instead re-ranked every matching mask for every page, which made walking a million-mask result,
     * as an export does, quadratic.)
     */
    private ImageHits imageHits(IndexSearcher searcher, MaskFilter filter, long afterImage, int limit)
            throws IOException {
        FixedBitSet matching = evaluation(searcher, filter).images();
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
            return new ImageHits(List.of(), false);
        }
        Query inRange = new BooleanQuery.Builder()
                .add(queries.all(filter), BooleanClause.Occur.FILTER)
                .add(LongField.newRangeQuery(MaskDocuments.IMAGE, page.getFirst(), page.getLast()), BooleanClause.Occur.FILTER)
                .build();
        Map<Long, List<Long>> masksByImage = searcher.search(inRange, new ImageRangeMasks());
        List<ImagePage.ImageHit> hits = new ArrayList<>(page.size());
        for (long image : page) {
            List<Long> masks = masksByImage.get(image);
            if (masks != null) {
                hits.add(new ImagePage.ImageHit(image, List.copyOf(masks)));
            }
        }
        return new ImageHits(hits, more);
    }

    /**
     * The position after a cursor's sort values. Those values end with the unique mask id, so ties can only be the
     * mask itself, which the last document number puts before every document.
     */
    private static FieldDoc afterAll(IndexSearcher searcher, Object[] values) {
        return new FieldDoc(Math.max(0, searcher.getIndexReader().maxDoc() - 1), Float.NaN, values);
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the search index could not be read", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            executor.shutdownNow();
            directory.close();
        }
    }
}
