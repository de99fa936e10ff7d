package org.samed2d.explorer.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
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
import org.samed2d.explorer.search.engine.CatalogPosition;

/**
 * One index folder: its writer, the catalog position it has reached (in the commit data), and point-in-time
 * searchers over what was last refreshed. Thread-safe.
 */
final class LuceneIndex implements AutoCloseable {

    /** Commit data key: the highest catalog change applied, so a restart knows where to catch up from. */
    private static final String APPLIED_CHANGE = "appliedChange";
    /** Commit data key: the identity of the catalog those changes are of. */
    private static final String CATALOG = "catalog";

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

    /** The catalog position committed to this index; {@link CatalogPosition#NONE} for a new one. */
    CatalogPosition position() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> committed = writer.getLiveCommitData();
        if (committed != null) {
            committed.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        String change = data.get(APPLIED_CHANGE);
        return new CatalogPosition(data.get(CATALOG), change == null ? 0 : Long.parseLong(change));
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

    /** Makes everything written so far durable, together with the catalog position it brings the index to. */
    void commit(CatalogPosition position) throws IOException {
        writer.setLiveCommitData(commitData(position).entrySet());
        writer.commit();
    }

    /** Makes everything written so far visible to searches. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Removes every document (the commit that follows makes it durable, the refresh visible). */
    void clear() throws IOException {
        writer.deleteAll();
        writer.setLiveCommitData(commitData(CatalogPosition.NONE).entrySet());
    }

    private static Map<String, String> commitData(CatalogPosition position) {
        Map<String, String> data = new HashMap<>();
        data.put(APPLIED_CHANGE, Long.toString(position.change()));
        if (position.catalog() != null) {
            data.put(CATALOG, position.catalog());
        }
        return data;
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
