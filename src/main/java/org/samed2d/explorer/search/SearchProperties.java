package org.samed2d.explorer.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param threads searcher threads that share each request's work
 * @param followCatalog whether this process keeps the index in step with the catalog (the portal does; one-off
 *                      commands such as ingest leave the index to the portal, which may hold it open)
 * @param feedPage catalog rows read per step of a catch-up
 * @param commitEvery rows between commits of a long catch-up, so a killed build resumes instead of starting over
 */
@ConfigurationProperties("explorer.search")
record SearchProperties(@DefaultValue("2") int threads, @DefaultValue("true") boolean followCatalog,
                        @DefaultValue("20000") int feedPage, @DefaultValue("1000000") int commitEvery) {
}
