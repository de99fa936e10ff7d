package org.samed2d.explorer.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server as a local attacker finds it. */
class EmbeddedDatabaseAccessTest {

    @TempDir
    static Path temp;
    static EmbeddedDatabase database;

    @BeforeAll
    static void start() throws IOException {
        database = EmbeddedDatabase.open(temp.resolve("postgres"));
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    @Test
    void the_programs_run_from_a_folder_only_we_can_enter() throws IOException {
        Path data = temp.resolve("postgres");
        Path binaries = temp.resolve(PostgresBinaries.FOLDER_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries))).isEqualTo("rwx------");
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        String program = ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElseThrow();
        assertThat(Path.of(program)).startsWith(binaries.toRealPath()).endsWith(Path.of("bin", "postgres"));
    }
}
