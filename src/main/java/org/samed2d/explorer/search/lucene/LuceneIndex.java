package org.samed2d.explorer.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.samed2d.explorer.catalog.IndexedMask;

/**
 * One index folder: its writer, the catalog change it has applied (in the commit data), and point-in-time
 * searchers over what was last refreshed. Thread-safe.
 */
final class LuceneIndex implements AutoCloseable {

    /** Commit data key: the highest catalog change applied, so a restart knows where to catch up from. */
    private static final String APPLIED_CHANGE = "appliedChange";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ExecutorService executor;
    private final LuceneDocuments documents;

    private LuceneIndex(Directory directory, IndexWriter writer, ExecutorService executor, LuceneDocuments documents)
            throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.executor = executor;
        this.documents = documents;
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
    static LuceneIndex open(Path folder, LuceneDocuments documents, int threads) throws IOException {
        Directory directory = FSDirectory.open(folder);
        ExecutorService executor = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon()
                .name("search-", 0).factory());
        IndexWriter writer = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(128)
                    .setIndexSort(new Sort(LongField.newSortField(LuceneDocuments.ID, false,
                            SortedNumericSelector.Type.MIN)));
            writer = new IndexWriter(directory, config);
            return new LuceneIndex(directory, writer, executor, documents);
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

    /** The highest catalog change number committed to this index; 0 for a new one. */
    long appliedChange() {
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

    void put(List<IndexedMask> masks, boolean absent) throws IOException {
        for (IndexedMask mask : masks) {
            Document doc = documents.build(mask);
            if (absent) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(LuceneDocuments.key(mask.id()), doc);
            }
        }
    }

    void remove(Collection<Long> maskIds) throws IOException {
        Term[] keys = maskIds.stream().map(LuceneDocuments::key).toArray(Term[]::new);
        if (keys.length > 0) {
            writer.deleteDocuments(keys);
        }
    }

    /** Makes everything written so far durable, together with the catalog change it brings the index up to. */
    void commit(long appliedChange) throws IOException {
        writer.setLiveCommitData(Map.of(APPLIED_CHANGE, Long.toString(appliedChange)).entrySet());
        writer.commit();
    }

    /** Makes everything written so far visible to searches. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Removes every document (the commit that follows makes it durable, the refresh visible). */
    void clear() throws IOException {
        writer.deleteAll();
        writer.setLiveCommitData(Map.of(APPLIED_CHANGE, "0").entrySet());
    }

    /** Bytes the index takes on disk. */
    long sizeOnDisk() throws IOException {
        long bytes = 0;
        for (String file : directory.listAll()) {
            bytes += directory.fileLength(file);
        }
        return bytes;
    }

    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code work} on the latest refreshed searcher, released afterwards. */
    <T> T withSearcher(SearcherWork<T> work) {
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
