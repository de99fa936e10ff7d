package org.samed2d.explorer.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.samed2d.explorer.OpenSearchCluster;

/**
 * A node that is back answers as soon as the one that had been answering dies, even after the whole cluster was
 * down long enough for the client to deny-list every node for minutes. Two gates in front of one real node play the
 * two nodes, so each can die and come back at a known moment.
 */
class NodeFailoverTest {

    @Test
    void after_an_outage_a_node_that_is_back_answers_as_soon_as_the_other_one_dies() throws Exception {
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        cluster.ensureRunning();
        URI node = cluster.urls().getFirst();
        try (Gate first = new Gate(node); Gate second = new Gate(node)) {
            MovingClock clock = new MovingClock();
            OpenSearchClient client = OpenSearchClients.of(OpenSearchSettings.at(List.of(first.url(), second.url()),
                    "failover-test"), clock);
            try {
                // the whole cluster down a while: every node fails again and again
                first.shut();
                second.shut();
                for (int i = 0; i < 8; i++) {
                    assertThatThrownBy(client::info).isInstanceOf(IOException.class);
                }
                // one node back: the client finds it
                second.open();
                boolean answered = false;
                for (int i = 0; i < 50 && !answered; i++) {
                    answered = answers(client);
                }
                assertThat(answered).as("the node that is back answers").isTrue();
                // past the least time between two new transports
                clock.advance(RenewingTransport.LEAST_BETWEEN_RENEWALS);

                // the other node back, then the one that answered dies
                first.open();
                second.shut();

                assertThat(client.info().clusterName()).isNotBlank();
                assertThat(client.info().clusterName()).isNotBlank();
            } finally {
                client._transport().close();
            }
        }
    }

    private static boolean answers(OpenSearchClient client) {
        try {
            client.info();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A clock that stands still until moved on. */
    private static final class MovingClock extends Clock {

        private volatile Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A local port in front of a node that can be shut (connections refused, open ones cut) and opened again. */
    private static final class Gate implements AutoCloseable {

        private final InetSocketAddress target;
        private final int port;
        private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
        private volatile @Nullable ServerSocket listening;

        Gate(URI node) throws IOException {
            this.target = new InetSocketAddress(node.getHost(), node.getPort());
            try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                this.port = probe.getLocalPort();
            }
            open();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + port);
        }

        void open() throws IOException {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listening = server;
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket(target.getAddress(), target.getPort());
                        connections.add(client);
                        connections.add(upstream);
                        pipe(client, upstream);
                        pipe(upstream, client);
                    } catch (IOException e) {
                        // shut while accepting, or the node refused: the client sees its connection end
                    }
                }
            });
        }

        void shut() throws IOException {
            ServerSocket server = listening;
            if (server != null) {
                server.close();
            }
            for (Socket socket : connections) {
                socket.close();
            }
            connections.clear();
        }

        private static void pipe(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side closed
                } finally {
                    try {
                        to.close();
                    } catch (IOException e) {
                        // already closed
                    }
                }
            });
        }

        @Override
        public void close() throws IOException {
            shut();
        }
    }
}
