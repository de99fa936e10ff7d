package org.samed2d.explorer.search;

import org.samed2d.explorer.catalog.CatalogFeed;
import org.samed2d.explorer.search.engine.SearchEngine;
import org.samed2d.explorer.search.lucene.LuceneEngine;
import org.samed2d.explorer.search.opensearch.OpenSearchEngine;
import org.samed2d.explorer.shared.DataRoot;

/** Opens the engine the properties name. */
final class SearchEngines {

    private SearchEngines() {
    }

    static SearchEngine open(SearchProperties properties, DataRoot root, RegionMap regions, CatalogFeed feed) {
        return switch (properties.engine()) {
            case LUCENE -> LuceneEngine.open(root.resolve("search/index"), regions, properties.threads());
            case OPENSEARCH -> OpenSearchEngine.connect(properties.opensearch(), regions, feed::masksOfImages);
        };
    }
}
