package org.samed2d.explorer.search;

import org.samed2d.explorer.search.opensearch.OpenSearchSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param threads searcher threads that share each request's work (embedded engine)
 * @param followCatalog whether this process keeps the index in step with the catalog (the portal does; one-off
 *                      commands such as ingest leave the index to the portal, which may hold it open)
 * @param feedPage catalog rows read per step of a catch-up
 * @param commitEvery rows between commits of a long catch-up, so a killed build resumes instead of starting over
 * @param engine which engine holds the index: {@code lucene} (embedded, one index per instance) or
 *               {@code opensearch} (one cluster every instance shares)
 * @param opensearch where the cluster is and how to reach it, for {@code engine=opensearch}
 */
@ConfigurationProperties("explorer.search")
record SearchProperties(int threads, boolean followCatalog, int feedPage, int commitEvery, Engine engine,
                        OpenSearchSettings opensearch) {

    @ConstructorBinding
    SearchProperties(@DefaultValue("2") int threads, @DefaultValue("true") boolean followCatalog,
                     @DefaultValue("20000") int feedPage, @DefaultValue("1000000") int commitEvery,
                     @DefaultValue("lucene") Engine engine, @DefaultValue OpenSearchSettings opensearch) {
        this.threads = threads;
        this.followCatalog = followCatalog;
        this.feedPage = feedPage;
        this.commitEvery = commitEvery;
        this.engine = engine;
        this.opensearch = opensearch;
    }

    /** The embedded engine with these settings. */
    SearchProperties(int threads, boolean followCatalog, int feedPage, int commitEvery) {
        this(threads, followCatalog, feedPage, commitEvery, Engine.LUCENE, OpenSearchSettings.local());
    }

    enum Engine {
        LUCENE("lucene"), OPENSEARCH("opensearch");

        private final String parameter;

        Engine(String parameter) {
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }
}
