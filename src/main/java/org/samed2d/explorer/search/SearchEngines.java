package org.samed2d.explorer.search;

import java.nio.file.Path;
import java.util.List;
import org.samed2d.explorer.catalog.CatalogFeed;
import org.samed2d.explorer.search.engine.SearchEngine;
import org.samed2d.explorer.search.lucene.LuceneEngine;
import org.samed2d.explorer.search.opensearch.OpenSearchEngine;
import org.samed2d.explorer.search.opensearch.OpenSearchSettings;
import org.samed2d.explorer.shared.DataRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the engine the properties name. */
final class SearchEngines {

    private static final Logger log = LoggerFactory.getLogger(SearchEngines.class);

    private SearchEngines() {
    }

    static SearchEngine open(SearchProperties properties, DataRoot root, RegionMap regions, CatalogFeed feed) {
        return switch (properties.engine()) {
            case LUCENE -> {
                Path folder = root.resolve("search/index");
                log.info("Search engine: the embedded Lucene index in {}", folder);
                yield LuceneEngine.open(folder, regions, properties.threads());
            }
            case OPENSEARCH -> {
                OpenSearchSettings settings = properties.opensearch();
                // hosts only: a URL may carry a user and password
                List<String> nodes = settings.urls().stream()
                        .map(url -> url.getScheme() + "://" + url.getHost() + ":"
                                + (url.getPort() > 0 ? url.getPort() : 9200))
                        .toList();
                log.info("Search engine: OpenSearch at {}, indices {}-masks, -images and -cells", nodes,
                        settings.index());
                yield OpenSearchEngine.connect(settings, regions, feed::masksOfImages);
            }
        };
    }
}
