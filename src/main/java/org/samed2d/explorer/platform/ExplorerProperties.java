package org.samed2d.explorer.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by the whole installation.
 *
 * @param dataDir where the catalog database, indexes and caches live ({@code ./data} by default)
 * @param sample whether an empty catalog gets the bundled sample on start
 */
@ConfigurationProperties("explorer")
record ExplorerProperties(@DefaultValue("data") Path dataDir, @DefaultValue("true") boolean sample) {
}
