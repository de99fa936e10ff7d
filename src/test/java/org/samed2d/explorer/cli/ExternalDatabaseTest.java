package org.samed2d.explorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.SampleData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A configured spring.datasource.url wins over the embedded database: a second, separately started server. */
class ExternalDatabaseTest {

    @Test
    void ingest_uses_the_configured_postgresql_and_starts_none_of_its_own(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/postgres";
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int status = CommandLine.run(new String[] {"ingest", SampleData.mini().toString(),
                    "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--explorer.data-dir=" + dataDir}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

            assertThat(status).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("added:   4 images, 30 masks")
                    .contains("Catalog now: 4 images, 30 masks, 2 datasets, 1 modalities, 25 labels");
            JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
            assertThat(jdbc.sql("select count(*) from mask where area > 0").query(Long.class).single()).isEqualTo(30);
            assertThat(Files.exists(dataDir.resolve("postgres"))).as("no embedded server was started").isFalse();
        }
    }
}
