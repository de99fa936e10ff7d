package org.samed2d.explorer.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server whose files live in one folder. Opening it either starts the server, or, when another process
 * of ours already runs it on that folder (the portal while the CLI ingests), connects to that one. A server left
 * behind by a killed process is stopped first, so kill -9 never blocks the next start.
 *
 * <p>Nobody gets in without a password: it listens on localhost TCP only (no Unix socket), every connection needs a
 * SCRAM password, and the application connects as {@value #APPLICATION_ROLE}, which owns its tables but is no
 * superuser. The passwords are random, made on first start and kept in {@link DatabaseCredentials#FILE_NAME} in the
 * folder. A folder made by an earlier version, which trusted every local connection and kept everything owned by the
 * superuser, gets the same on its first start with this one, with its data untouched.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    static final String APPLICATION_ROLE = "explorer";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final @Nullable EmbeddedPostgres server;
    private final int port;
    private final DatabaseCredentials credentials;

    private EmbeddedDatabase(@Nullable EmbeddedPostgres server, int port, DatabaseCredentials credentials) {
        this.server = server;
        this.port = port;
        this.credentials = credentials;
    }

    static EmbeddedDatabase open(Path folder) throws IOException {
        Files.createDirectories(folder);
        Optional<Integer> sharedPort = portOfServerHeldByAnotherProcess(folder);
        if (sharedPort.isPresent()) {
            DatabaseCredentials credentials = DatabaseCredentials.readFrom(folder).orElseThrow(() -> new IOException(
                    "the PostgreSQL server another process runs on " + folder + " has no credentials file (started "
                            + "by an earlier version?); stop that process and start again"));
            log.info("Using the PostgreSQL server another process runs on {} (port {})", folder, sharedPort.get());
            return new EmbeddedDatabase(null, sharedPort.get(), credentials);
        }
        stopOrphanedServer(folder);
        PostgresBinaries binaries = PostgresBinaries.beside(folder);
        DatabaseCredentials credentials = DatabaseCredentials.readFrom(folder).orElseGet(DatabaseCredentials::random);
        EmbeddedPostgres server = binaries.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectoryCustomizer(new PasswordSetup(binaries, credentials))
                // zonky's readiness check logs in as the superuser.
                .setConnectConfig("password", credentials.superuserPassword())
                // Bulk COPY during ingest writes far more WAL than the default allows between checkpoints.
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("listen_addresses", "localhost")
                // No socket in /tmp: TCP on localhost with a password is the only way in.
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky starts PostgreSQL with -F (no fsync) and synchronous_commit=off, fine for a throwaway test
                // database but not for accounts and a catalog that must survive a power cut; -c options come after -F
                // and win. Ingest turns synchronous_commit off for its own sessions, where a lost batch is redone.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        try {
            ApplicationRole.prepare(server.getPostgresDatabase(), credentials);
        } catch (SQLException e) {
            server.close();
            throw new IOException("could not prepare the application's role on the PostgreSQL in " + folder, e);
        }
        log.info("Started embedded PostgreSQL on port {} with data in {}", server.getPort(), folder);
        return new EmbeddedDatabase(server, server.getPort(), credentials);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    String password() {
        return credentials.applicationPassword();
    }

    /** zonky holds a file lock on {@code epg-lock} while its server runs; a live holder means we share its server. */
    private static Optional<Integer> portOfServerHeldByAnotherProcess(Path folder) throws IOException {
        Path lockFile = folder.resolve("epg-lock");
        Path pidFile = folder.resolve("postmaster.pid");
        if (!Files.exists(lockFile) || !Files.exists(pidFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
        } catch (java.nio.channels.OverlappingFileLockException heldByThisProcess) {
            // another part of this JVM (a command run beside the portal in one process) runs the server: share it
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    }

    /** A postmaster whose JVM died (kill -9) keeps running and would refuse the next start; stop it fast. */
    private static void stopOrphanedServer(Path folder) throws IOException {
        Path pidFile = folder.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by a process that ended abruptly", pid, folder);
        // SIGTERM: PostgreSQL's smart shutdown; its clients are gone with the dead process.
        process.get().destroy();
        try {
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL (pid " + pid + ") on " + folder + " did not stop; stop it and retry", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
