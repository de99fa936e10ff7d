package org.samed2d.explorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** kill -9 of a running `ingest` at moments in both phases, then a rerun: exact counts, no duplicates. */
@ExplorerTest
class KillAndResumeTest {

    private static final int IMAGES = 1200;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;

    @Test
    void a_killed_ingest_run_again_finishes_with_exact_counts_and_no_duplicates() throws Exception {
        CatalogTestSupport tables = new CatalogTestSupport(jdbc);
        tables.empty();
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        assertThat(CommandLine.run(new String[] {"generate", "--images", String.valueOf(IMAGES), "--out",
                temp.toString(), "--seed", "7"}, new PrintStream(generated, true, StandardCharsets.UTF_8), System.err))
                .isZero();
        long expectedMasks = Long.parseLong(generated.toString(StandardCharsets.UTF_8)
                .replaceAll("(?s).*Wrote [\\d,]+ images and ([\\d,]+) masks.*", "$1").replace(",", ""));

        // Killed during the names phase: some batches committed, not all.
        killWhen(() -> {
            long images = tables.count("select count(*) from image");
            return images > 0 && images < IMAGES;
        });
        // Killed during the geometry pass: all rows listed, some geometry missing.
        killWhen(() -> tables.count("select count(*) from mask where area is not null") > 0
                && tables.count("select count(*) from mask where area is null") > 0);

        Process last = ingestProcess();
        assertThat(last.waitFor()).isZero();

        assertThat(tables.count("select count(*) from image")).isEqualTo(IMAGES);
        assertThat(tables.count("select count(*) from mask")).isEqualTo(expectedMasks);
        assertThat(tables.count("select count(distinct path) from mask")).isEqualTo(expectedMasks);
        assertThat(tables.count("select count(*) from mask where area is null or area = 0")).isZero();
        assertThat(tables.count("select count(*) from file_source")).isEqualTo(1);
    }

    private void killWhen(BooleanSupplier moment) throws IOException, java.sql.SQLException {
        Process process = ingestProcess();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> moment.getAsBoolean() || !process.isAlive());
        assertThat(process.isAlive()).as("the ingest was still running at the chosen moment").isTrue();
        process.destroyForcibly(); // SIGKILL
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    private Process ingestProcess() throws IOException, java.sql.SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                CommandLine.class.getName(), "ingest", temp.resolve("SAMed2Dv1").toString(),
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--explorer.data-dir=" + temp.resolve("data"),
                "--explorer.ingest.batch-masks=300",
                "--explorer.ingest.geometry-batch=200"));
        ProcessBuilder builder = new ProcessBuilder(command);
        // In the environment, not on the command line, where any local account could read it in ps.
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword());
        return builder.redirectErrorStream(true)
                .redirectOutput(temp.resolve("ingest-" + System.nanoTime() + ".log").toFile()).start();
    }
}
