package org.samed2d.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hc.core5.http.HttpHost;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * A real OpenSearch cluster of two nodes on loopback, from the server distribution the build unpacks under
 * {@code target/} (system property {@code opensearch.home}), started once per test JVM and stopped when it ends.
 * OpenSearch refuses to run as root, so as root each node runs in an unprivileged user namespace
 * ({@code unshare -U}), as the embedded PostgreSQL does. Heaps are 512 MB a node. Tests may kill a node, stop the
 * whole cluster and start it again; {@link #ensureRunning()} brings it back for the next test.
 */
public final class OpenSearchCluster {

    private static final Duration START = Duration.ofMinutes(3);
    private static @Nullable OpenSearchCluster shared;

    private final Path home;
    private final Path folder;
    private final List<Node> nodes = new ArrayList<>();
    private final OpenSearchClient client;

    /** One node: its ports and its process while it runs. */
    public static final class Node {
        final String name;
        final int http;
        final int transport;
        final Path folder;
        @Nullable Process process;

        Node(String name, int http, int transport, Path folder) {
            this.name = name;
            this.http = http;
            this.transport = transport;
            this.folder = folder;
        }

        public URI url() {
            return URI.create("http://127.0.0.1:" + http);
        }

        /** The name the node reports in its statistics. */
        public String name() {
            return name;
        }

        boolean running() {
            return process != null && process.isAlive();
        }
    }

    private OpenSearchCluster(Path home, Path folder) throws IOException {
        this.home = home;
        this.folder = folder;
        for (int n = 1; n <= 2; n++) {
            nodes.add(new Node("node-" + n, freePort(), freePort(), folder.resolve("node-" + n)));
        }
        this.client = new OpenSearchClient(ApacheHttpClient5TransportBuilder.builder(nodes.stream()
                .map(node -> new HttpHost("http", "127.0.0.1", node.http)).toArray(HttpHost[]::new)).build());
    }

    /** The cluster of this JVM, started on first use and running (both nodes, green or yellow) when this returns. */
    public static synchronized OpenSearchCluster shared() {
        if (shared == null) {
            Path home = Path.of(System.getProperty("opensearch.home", "target/opensearch-3.3.0"));
            if (!Files.isExecutable(home.resolve("bin/opensearch"))) {
                throw new IllegalStateException("no OpenSearch server at " + home.toAbsolutePath()
                        + "; mvn test unpacks it there (org.opensearch.distribution.integ-test-zip:opensearch)");
            }
            try {
                Path folder = Path.of(System.getProperty("java.io.tmpdir"), "opensearch-cluster");
                deleteTree(folder);
                OpenSearchCluster cluster = new OpenSearchCluster(home, folder);
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
                shared = cluster;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        shared.ensureRunning();
        return shared;
    }

    public List<URI> urls() {
        return nodes.stream().map(Node::url).toList();
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** Starts every node that is not running and waits until all are in the cluster and every shard has a copy. */
    public synchronized void ensureRunning() {
        for (Node node : nodes) {
            if (!node.running()) {
                start(node);
            }
        }
        awaitHealth(nodes.size(), HealthStatus.Yellow);
    }

    /** Kills a node at once (SIGKILL), as a crashed machine would go. */
    public synchronized void kill(Node node) {
        if (node.process != null) {
            node.process.destroyForcibly();
            waitFor(node.process);
        }
    }

    /** Stops every node and waits until they are gone. */
    public synchronized void stop() {
        for (Node node : nodes) {
            if (node.process != null) {
                node.process.destroy();
            }
        }
        for (Node node : nodes) {
            if (node.process != null) {
                waitFor(node.process);
            }
        }
    }

    /** Waits until {@code count} nodes form the cluster and its health is at least {@code status}. */
    public void awaitHealth(int count, HealthStatus status) {
        Awaitility.await().atMost(START).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            var health = client.cluster().health(h -> h.waitForNodes(w -> w.count(count))
                    .waitForStatus(status).timeout(t -> t.time("5s")));
            return !health.timedOut() && health.numberOfNodes() == count;
        });
    }

    private void start(Node node) {
        try {
            Path config = node.folder.resolve("config");
            if (!Files.isDirectory(config)) {
                copyTree(home.resolve("config"), config);
            }
            Files.writeString(config.resolve("opensearch.yml"), settings(node));
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.add(home.resolve("bin/opensearch").toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(node.folder.resolve("console.log").toFile()));
            builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("OPENSEARCH_PATH_CONF", config.toString());
            builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            node.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start OpenSearch node " + node.name, e);
        }
    }

    private String settings(Node node) {
        StringBuilder seeds = new StringBuilder();
        for (Node other : nodes) {
            seeds.append(seeds.isEmpty() ? "" : ",").append("127.0.0.1:").append(other.transport);
        }
        return String.join("\n",
                "cluster.name: explorer-test",
                "node.name: " + node.name,
                "path.data: " + node.folder.resolve("data"),
                "path.logs: " + node.folder.resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + node.http,
                "transport.port: " + node.transport,
                "discovery.seed_hosts: " + seeds,
                "cluster.initial_cluster_manager_nodes: " + String.join(",", nodes.stream().map(n -> n.name).toList()),
                // the test machine's disk may be fuller than the watermarks allow; tests write a few MB
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "indices.requests.cache.size: 10%",
                "indices.recovery.max_bytes_per_sec: 250mb",
                "") ;
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an OpenSearch node to stop", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
