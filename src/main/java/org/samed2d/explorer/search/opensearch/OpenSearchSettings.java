package org.samed2d.explorer.search.opensearch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the OpenSearch cluster and how to lay out its indices ({@code explorer.search.opensearch.*}).
 *
 * @param urls the nodes to send requests to (any of them answers; a dead one is skipped)
 * @param username with {@code password}, HTTP basic authentication; none when null
 * @param index the prefix of the index names: aliases {@code INDEX-masks}, {@code INDEX-images} and
 *              {@code INDEX-cells}, each in front of one generation of concrete indices; one per deployment, since
 *              a portal rebuilds an index written from another catalog
 * @param truststore a PKCS12 or JKS file with the CA that signed the cluster's certificate, for {@code https} URLs
 *                   (none: the JVM's default trust)
 * @param verifyHostname whether the certificate must name the host (turn off only for test clusters)
 * @param shards primary shards per index; one or two are fastest up to the release's size
 * @param replicas copies of each shard on other nodes; with one, a cluster of two keeps answering when a node dies
 * @param timeout how long one request may take before the cluster counts as unavailable
 * @param requestCache whether searches may be answered from the shards' request cache (off only to measure)
 * @param bulkDocuments documents per bulk request when writing
 */
public record OpenSearchSettings(@DefaultValue("http://localhost:9200") List<URI> urls, @Nullable String username,
                                 @Nullable String password, @DefaultValue("sa-med2d") String index,
                                 @Nullable Path truststore, @Nullable String truststorePassword,
                                 @DefaultValue("true") boolean verifyHostname, @DefaultValue("1") int shards,
                                 @DefaultValue("1") int replicas, @DefaultValue("30s") Duration timeout,
                                 @DefaultValue("true") boolean requestCache, @DefaultValue("5000") int bulkDocuments) {

    /** A cluster on this machine's default port, without security. */
    public static OpenSearchSettings local() {
        return at(List.of(URI.create("http://localhost:9200")), "sa-med2d");
    }

    /** A cluster at these URLs, without security, with the default layout. */
    public static OpenSearchSettings at(List<URI> urls, String index) {
        return new OpenSearchSettings(urls, null, null, index, null, null, true, 1, 1, Duration.ofSeconds(30), true,
                5000);
    }

    public OpenSearchSettings withLayout(int shards, int replicas, boolean requestCache) {
        return new OpenSearchSettings(urls, username, password, index, truststore, truststorePassword, verifyHostname,
                shards, replicas, timeout, requestCache, bulkDocuments);
    }

    @Override
    public String toString() {
        // never the password
        return "OpenSearchSettings[urls=" + urls + ", username=" + username + ", index=" + index + ", shards=" + shards
                + ", replicas=" + replicas + "]";
    }
}
