package org.samed2d.explorer.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The embedded server as a local attacker finds it: no way in without the password, and little to do with it. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseAccessTest {

    @TempDir
    static Path temp;
    static EmbeddedDatabase database;
    static DatabaseCredentials credentials;
    static String startLog;

    @BeforeAll
    static void start(CapturedOutput output) throws IOException {
        database = EmbeddedDatabase.open(temp.resolve("postgres"));
        credentials = DatabaseCredentials.readFrom(temp.resolve("postgres")).orElseThrow();
        startLog = output.getAll();
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    private static Connection connect(String host, String user, @org.jspecify.annotations.Nullable String password)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(database.jdbcUrl().replace("localhost", host), properties);
    }

    private static String passwordOf(String role) {
        return role.equals(EmbeddedDatabase.SUPERUSER) ? credentials.superuserPassword()
                : credentials.applicationPassword();
    }

    @Test
    void a_connection_without_the_password_or_with_a_wrong_one_is_refused_over_tcp() throws SQLException {
        for (String host : List.of("localhost", "127.0.0.1")) {
            for (String role : List.of(EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.APPLICATION_ROLE)) {
                assertThatThrownBy(() -> connect(host, role, null).close()).as(role + "@" + host)
                        .isInstanceOf(SQLException.class).hasMessageContaining("no password was provided");
                assertThatThrownBy(() -> connect(host, role, passwordOf(role) + "x").close()).as(role + "@" + host)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("28P01")); // invalid_password
                try (Connection connection = connect(host, role, passwordOf(role))) {
                    assertThat(connection.isValid(5)).as(role + "@" + host + " with its password").isTrue();
                }
            }
        }
        assertThatThrownBy(() -> connect("localhost", EmbeddedDatabase.SUPERUSER, credentials.applicationPassword())
                .close()).as("one role's password does not open the other").isInstanceOf(SQLException.class);
    }

    @Test
    void there_is_no_unix_socket_and_no_trust_rule() throws IOException, SQLException {
        String socket = ".s.PGSQL." + database.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1");
        for (Path folder : List.of(Path.of("/tmp"), Path.of(System.getProperty("java.io.tmpdir")),
                temp.resolve("postgres"))) {
            assertThat(folder.resolve(socket)).as("socket in " + folder).doesNotExist();
        }
        // Only the superuser may read where sockets would be.
        try (Connection connection = connect("localhost", EmbeddedDatabase.SUPERUSER,
                credentials.superuserPassword())) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            assertThat(jdbc.sql("select current_setting('unix_socket_directories')").query(String.class).single())
                    .isEmpty();
            assertThat(jdbc.sql("select current_setting('password_encryption')").query(String.class).single())
                    .isEqualTo("scram-sha-256");
            // not part of the lock-down, but of keeping what is stored: zonky turns fsync off
            assertThat(jdbc.sql("select current_setting('fsync')").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single())
                    .isEqualTo("on");
        }
        try (Stream<String> rules = Files.lines(temp.resolve("postgres/pg_hba.conf"))) {
            assertThat(rules.filter(line -> !line.isBlank() && !line.startsWith("#")).toList())
                    .hasSize(3).allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
        }
    }

    @Test
    void the_application_role_is_no_superuser_and_cannot_run_programs_or_make_roles() throws SQLException {
        try (Connection connection = connect("localhost", EmbeddedDatabase.APPLICATION_ROLE,
                credentials.applicationPassword()); Statement statement = connection.createStatement()) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls "
                    + "from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
            for (String forbidden : List.of("COPY (select 1) TO PROGRAM 'true'", "CREATE ROLE intruder SUPERUSER",
                    "CREATE ROLE intruder", "CREATE DATABASE intruder", "ALTER SYSTEM SET log_statement = 'all'",
                    "COPY (select 1) TO '/tmp/intruder'", "select pg_read_file('pg_hba.conf')")) {
                assertThatThrownBy(() -> statement.execute(forbidden)).as(forbidden)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501")); // insufficient_privilege
            }
            // What Flyway and the catalog do need: tables of its own in schema public.
            statement.execute("create table role_probe (id bigserial primary key)");
            statement.execute("drop table role_probe");
        }
    }

    @Test
    void the_credentials_file_is_private_and_the_programs_run_from_a_folder_only_we_can_enter() throws IOException {
        Path data = temp.resolve("postgres");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DatabaseCredentials.file(data))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        Path binaries = temp.resolve(PostgresBinaries.FOLDER_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries))).isEqualTo("rwx------");
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        String program = ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElseThrow();
        assertThat(Path.of(program)).startsWith(binaries.toRealPath()).endsWith(Path.of("bin", "postgres"));
    }

    @Test
    void no_password_appears_in_the_log() {
        assertThat(startLog).contains("Started embedded PostgreSQL")
                .doesNotContain(credentials.superuserPassword()).doesNotContain(credentials.applicationPassword());
        assertThat(credentials.toString()).doesNotContain(credentials.superuserPassword())
                .doesNotContain(credentials.applicationPassword());
    }

    @Test
    void a_command_beside_the_running_server_shares_it_as_the_application_role() throws Exception {
        try (EmbeddedDatabase beside = EmbeddedDatabase.open(temp.resolve("postgres"))) {
            assertThat(beside.jdbcUrl()).isEqualTo(database.jdbcUrl());
            try (Connection connection = connect("localhost", EmbeddedDatabase.APPLICATION_ROLE, beside.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
        try (Connection stillUp = connect("localhost", EmbeddedDatabase.APPLICATION_ROLE, database.password())) {
            assertThat(stillUp.isValid(5)).as("closing the shared handle leaves the server running").isTrue();
        }
    }
}
