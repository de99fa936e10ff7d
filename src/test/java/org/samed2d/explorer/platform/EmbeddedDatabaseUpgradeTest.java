package org.samed2d.explorer.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Folders made by the version before passwords: initdb with trust for every local connection, every table owned by
 * the superuser, the catalog in database postgres. The first start with this version keeps every row and locks the
 * folder down; so does a start after one that was killed half-way.
 */
class EmbeddedDatabaseUpgradeTest {

    /** One for the class: its data folders share one unpacked copy of the binaries beside them. */
    @TempDir
    static Path temp;

    /** What the earlier EmbeddedDatabase did: plain zonky (trust), the migrations and rows as superuser. */
    private static void makeFolderTheEarlierWay(Path folder) throws IOException {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(folder)
                .setCleanDataDirectory(false).setServerConfig("listen_addresses", "localhost").start()) {
            Flyway.configure().dataSource(earlier.getPostgresDatabase()).locations("classpath:db/migration").load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(earlier.getPostgresDatabase());
            jdbc.sql("insert into dataset (name, licence) values ('AbdomenCT1K', 'CC BY 4.0')").update();
            jdbc.sql("insert into app_user (username, password_hash, role) values ('ada', '{bcrypt}x', 'admin')")
                    .update();
            // kinds no migration has made yet, so that one that does will find them movable
            jdbc.sql("create view dataset_names as select name from dataset").update();
            jdbc.sql("create function dataset_count() returns bigint language sql as 'select count(*) from dataset'")
                    .update();
            jdbc.sql("create type probe_state as enum ('new', 'old')").update();
            jdbc.sql("create domain probe_code as text check (value <> '')").update();
        }
    }

    private static JdbcClient asApplication(EmbeddedDatabase database) {
        return JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), EmbeddedDatabase.APPLICATION_ROLE,
                database.password()));
    }

    @Test
    void a_folder_made_by_the_earlier_version_keeps_its_rows_and_is_locked_down() throws Exception {
        Path folder = temp.resolve("earlier");
        makeFolderTheEarlierWay(folder);

        try (EmbeddedDatabase database = EmbeddedDatabase.open(folder)) {
            JdbcClient jdbc = asApplication(database);
            assertThat(jdbc.sql("select name from dataset").query(String.class).list()).containsExactly("AbdomenCT1K");
            assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("ada");
            assertThat(jdbc.sql("""
                    select count(*) from pg_class
                    where relnamespace = 'public'::regnamespace and relkind in ('r', 'S', 'v', 'm', 'i')
                      and relowner <> current_user::regrole""").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("""
                    select (select count(*) from pg_proc where pronamespace = 'public'::regnamespace
                              and proowner <> current_user::regrole)
                         + (select count(*) from pg_type where typnamespace = 'public'::regnamespace
                              and typowner <> current_user::regrole)""").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select dataset_count()").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select nspowner::regrole::text from pg_namespace where nspname = 'public'")
                    .query(String.class).single()).isEqualTo(EmbeddedDatabase.APPLICATION_ROLE);
            // The application role now runs Flyway: the history is its own, and a later migration can change tables.
            assertThat(Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.APPLICATION_ROLE,
                    database.password()).locations("classpath:db/migration").load().migrate().migrationsExecuted)
                    .isZero();
            jdbc.sql("alter table dataset add column upgrade_probe integer").update();
            jdbc.sql("alter table dataset drop column upgrade_probe").update();
            // serial, identity and free-standing sequences all moved with their tables
            jdbc.sql("insert into app_user (username, password_hash, role) values ('bob', '{bcrypt}y', 'viewer')")
                    .update();
            jdbc.sql("insert into dataset (name) values ('Brats')").update();
            assertThat(jdbc.sql("select nextval('catalog_change_seq')").query(Long.class).single()).isPositive();
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.SUPERUSER, "")
                    .close()).as("trust is gone").isInstanceOf(SQLException.class);
            // an operator's slip, which the next start takes back
            String superuserPassword = DatabaseCredentials.readFrom(folder).orElseThrow().superuserPassword();
            JdbcClient superuser = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(),
                    EmbeddedDatabase.SUPERUSER, superuserPassword));
            superuser.sql("grant pg_execute_server_program to " + EmbeddedDatabase.APPLICATION_ROLE).update();
            superuser.sql("alter role " + EmbeddedDatabase.APPLICATION_ROLE + " createrole").update();
        }
        DatabaseCredentials made = DatabaseCredentials.readFrom(folder).orElseThrow();
        try (EmbeddedDatabase again = EmbeddedDatabase.open(folder)) {
            assertThat(again.password()).as("a restart keeps the passwords").isEqualTo(made.applicationPassword());
            JdbcClient jdbc = asApplication(again);
            assertThat(jdbc.sql("select count(*) from dataset").query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("""
                    select rolcreaterole or pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER')
                    from pg_roles where rolname = current_user""").query(Boolean.class).single()).isFalse();
        }
    }

    @Test
    void a_start_killed_after_it_wrote_the_credentials_file_is_finished_by_the_next() throws Exception {
        Path folder = temp.resolve("killed");
        makeFolderTheEarlierWay(folder);
        // The file is written first; a kill right after it leaves trust in pg_hba.conf and no passwords set.
        DatabaseCredentials written = DatabaseCredentials.random();
        written.writeTo(folder);

        try (EmbeddedDatabase database = EmbeddedDatabase.open(folder)) {
            assertThat(database.password()).isEqualTo(written.applicationPassword());
            assertThat(asApplication(database).sql("select name from dataset").query(String.class).list())
                    .containsExactly("AbdomenCT1K");
            try (var superuser = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.SUPERUSER,
                    written.superuserPassword())) {
                assertThat(superuser.isValid(5)).isTrue();
            }
        }
    }
}
