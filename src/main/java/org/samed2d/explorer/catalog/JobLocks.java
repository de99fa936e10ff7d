package org.samed2d.explorer.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Cluster-wide locks for jobs that must run once however many instances share the catalog: a PostgreSQL session
 * advisory lock, held on its own connection for as long as the job runs. A process that dies loses its connection
 * and so its locks; nothing is left to clean up.
 */
@Service
public class JobLocks {

    private static final Logger log = LoggerFactory.getLogger(JobLocks.class);

    private final DataSource dataSource;

    JobLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A held lock; closing it releases the lock. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** The lock named {@code job}, if no other session holds it now. */
    public Optional<Lease> tryLock(String job) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(hashtextextended(?, 0))")) {
                statement.setString(1, job);
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        Connection held = connection;
                        connection = null;
                        return Optional.of(() -> release(held, job));
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new CatalogWriteException("cannot take the job lock '" + job + "': " + e.getMessage(), e);
        } finally {
            closeQuietly(connection);
        }
    }

    /** Whether some session holds the lock now (without taking it). */
    public boolean isHeld(String job) {
        Optional<Lease> lease = tryLock(job);
        lease.ifPresent(Lease::close);
        return lease.isEmpty();
    }

    private static void release(Connection connection, String job) {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
            statement.setString(1, job);
            statement.execute();
        } catch (SQLException e) {
            log.warn("Releasing the job lock '{}' failed ({}); closing its connection releases it", job, e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a job lock connection failed: {}", e.getMessage());
            }
        }
    }
}
