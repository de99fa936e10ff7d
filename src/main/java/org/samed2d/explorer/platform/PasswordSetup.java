package org.samed2d.explorer.platform;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.postgresql.util.PasswordUtil;

/**
 * Runs between initdb and the server's start (zonky's data directory customizer), on every start: writes the
 * credentials file if there is none, makes pg_hba.conf ask everyone for a SCRAM password, and sets the superuser's
 * password from the file with PostgreSQL in single-user mode, which listens on nothing. So the server never
 * listens while anyone may log in without a password, not on a fresh folder and not on one made by a version that
 * trusted every local connection. Each step repeats harmlessly, so a kill at any point is mended by the next start.
 */
final class PasswordSetup implements Consumer<File> {

    private static final String PG_HBA = """
            # Written by SA-Med2D Explorer on every start (edits are lost): a SCRAM password for every connection.
            # The passwords are in %s beside this file.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """.formatted(DatabaseCredentials.FILE_NAME);

    private final PostgresBinaries binaries;
    private final DatabaseCredentials credentials;

    PasswordSetup(PostgresBinaries binaries, DatabaseCredentials credentials) {
        this.binaries = binaries;
        this.credentials = credentials;
    }

    @Override
    public void accept(File dataDirectory) {
        Path folder = dataDirectory.toPath();
        try {
            // The file comes first: if we die after the password changed, the next start still knows it.
            if (DatabaseCredentials.readFrom(folder).isEmpty()) {
                credentials.writeTo(folder);
            }
            writeHostBasedAuthentication(folder);
            setSuperuserPassword(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeHostBasedAuthentication(Path folder) throws IOException {
        Path temporary = folder.resolve("pg_hba.conf.tmp");
        Files.writeString(temporary, PG_HBA, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(temporary, DatabaseCredentials.OWNER_READ_WRITE);
        Files.move(temporary, folder.resolve("pg_hba.conf"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The statement carries a SCRAM verifier made here, never the password itself, so neither PostgreSQL's output
     * nor its log can ever show the password.
     */
    private void setSuperuserPassword(Path folder) throws IOException {
        String verifier = PasswordUtil.encodeScramSha256(credentials.superuserPassword().toCharArray());
        String statement = "ALTER ROLE " + EmbeddedDatabase.SUPERUSER + " PASSWORD '" + verifier + "';\n";
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as zonky does for root, whom PostgreSQL refuses to run as: an unprivileged user namespace
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binaries.home().resolve("bin").resolve("postgres").toString(), "--single",
                "-D", folder.toString(), "postgres"));
        Process postgres = new ProcessBuilder(command).redirectErrorStream(true).start();
        postgres.getOutputStream().write(statement.getBytes(StandardCharsets.UTF_8));
        postgres.getOutputStream().close();
        // It ends at the end of its input; reading its output to the end waits for that.
        String output = new String(postgres.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        try {
            status = postgres.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postgres.destroyForcibly();
            throw new IOException("interrupted while setting the PostgreSQL superuser's password", e);
        }
        // A failed statement still exits 0; its ERROR line says so.
        List<String> errors = output.lines().filter(line -> line.contains("ERROR:") || line.contains("FATAL:"))
                .toList();
        if (status != 0 || !errors.isEmpty()) {
            // Only the error lines: PostgreSQL repeats a failed statement, and that one holds the verifier.
            throw new IOException("PostgreSQL in single-user mode on " + folder + " could not set the superuser's "
                    + "password (exit " + status + "): " + String.join(" | ", errors));
        }
    }
}
