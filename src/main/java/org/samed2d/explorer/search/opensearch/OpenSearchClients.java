package org.samed2d.explorer.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * An {@link OpenSearchClient} for the settings: every URL a node, basic authentication and TLS as configured, on a
 * transport that tries every node again when a request failed on all it tried ({@link RenewingTransport}).
 */
final class OpenSearchClients {

    private static final int CONNECTIONS = 32;

    private OpenSearchClients() {
    }

    static OpenSearchClient of(OpenSearchSettings settings) {
        return of(settings, Clock.systemUTC());
    }

    /** With the clock that spaces the transport's renewals (a test moves it on instead of waiting). */
    static OpenSearchClient of(OpenSearchSettings settings, Clock clock) {
        HttpHost[] hosts = settings.urls().stream().map(OpenSearchClients::host).toArray(HttpHost[]::new);
        Timeout timeout = Timeout.of(settings.timeout());
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setConnectionConfigCallback(config -> config.setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(timeout))
                .setRequestConfigCallback(config -> config.setResponseTimeout(timeout))
                .setHttpClientConfigCallback(client -> {
                    PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder
                            .create().setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS)
                            .setDefaultConnectionConfig(org.apache.hc.client5.http.config.ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(timeout).build());
                    ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create().setSslContext(sslContext(settings));
                    if (!settings.verifyHostname()) {
                        tls.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
                    }
                    client.setConnectionManager(connections.setTlsStrategy(tls.build()).build());
                    if (settings.username() != null) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        for (HttpHost host : hosts) {
                            credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(
                                    settings.username(), settings.password() == null ? new char[0]
                                            : settings.password().toCharArray()));
                        }
                        client.setDefaultCredentialsProvider(credentials);
                    }
                    return client;
                });
        // each build is a client of its own, with its own connections and an empty list of failed nodes
        return new OpenSearchClient(new RenewingTransport(builder::build, clock));
    }

    private static HttpHost host(URI url) {
        String scheme = url.getScheme() == null ? "http" : url.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("explorer.search.opensearch.urls: '" + url
                    + "' is not an http:// or https:// URL of a node");
        }
        int port = url.getPort() > 0 ? url.getPort() : 9200;
        return new HttpHost(scheme, url.getHost(), port);
    }

    private static SSLContext sslContext(OpenSearchSettings settings) {
        try {
            if (settings.truststore() == null) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(settings.truststore().toFile(),
                    settings.truststorePassword() == null ? null : settings.truststorePassword().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("explorer.search.opensearch.truststore: cannot read "
                    + settings.truststore(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("explorer.search.opensearch.truststore: " + settings.truststore()
                    + " is not a usable trust store (" + e.getMessage() + ")", e);
        }
    }
}
