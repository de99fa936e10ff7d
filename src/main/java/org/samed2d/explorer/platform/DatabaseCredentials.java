package org.samed2d.explorer.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded server's two passwords: its superuser's and the application role's. They live in
 * {@value #FILE_NAME} inside the server's data folder (itself 0700), mode 0600, in libpq's pgpass format so an
 * operator can hand the file to psql as {@code PGPASSFILE}. Never logged: {@link #toString()} hides them.
 */
record DatabaseCredentials(String superuserPassword, String applicationPassword) {

    static final String FILE_NAME = "credentials.pgpass";
    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    static DatabaseCredentials random() {
        return new DatabaseCredentials(randomPassword(), randomPassword());
    }

    /** 256 random bits in URL-safe Base64: no ':' or '\', which pgpass would need escaped. */
    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Path file(Path dataFolder) {
        return dataFolder.resolve(FILE_NAME);
    }

    static Optional<DatabaseCredentials> readFrom(Path dataFolder) throws IOException {
        Path file = file(dataFolder);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file; remove it and restart to make new passwords");
        }
        // Someone loosened it (a copy, a chmod): the file is the keys to the catalog, so close it again.
        Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        Map<String, String> passwords = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split(":", 5);
            if (!line.startsWith("#") && fields.length == 5) {
                passwords.put(fields[3], fields[4]);
            }
        }
        String superuser = passwords.get(EmbeddedDatabase.SUPERUSER);
        String application = passwords.get(EmbeddedDatabase.APPLICATION_ROLE);
        if (superuser == null || application == null || superuser.isEmpty() || application.isEmpty()) {
            throw new IOException(file + " lacks the password of '" + EmbeddedDatabase.SUPERUSER + "' or '"
                    + EmbeddedDatabase.APPLICATION_ROLE + "'; remove it and restart to make new passwords");
        }
        return Optional.of(new DatabaseCredentials(superuser, application));
    }

    /**
     * Writes the file whole or not at all (a temporary file, flushed, then renamed over it), so a crash leaves either
     * no file or a complete one; it is created 0600, never readable by others even for a moment.
     */
    void writeTo(Path dataFolder) throws IOException {
        Path file = file(dataFolder);
        Path temporary = dataFolder.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        String text = "# The embedded PostgreSQL's passwords, made on first start. Keep this file private (0600).\n"
                + "# psql: PGPASSFILE=" + file.toAbsolutePath() + " psql -h localhost -p PORT -U "
                + EmbeddedDatabase.SUPERUSER + " postgres   (PORT: line 4 of postmaster.pid)\n"
                + line(EmbeddedDatabase.SUPERUSER, superuserPassword)
                + line(EmbeddedDatabase.APPLICATION_ROLE, applicationPassword);
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE))) {
            channel.write(StandardCharsets.UTF_8.encode(text));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel folder = FileChannel.open(dataFolder, StandardOpenOption.READ)) {
            folder.force(true); // the rename itself survives a power cut
        }
    }

    private static String line(String role, String password) {
        return "localhost:*:*:" + role + ":" + password + "\n";
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[passwords hidden]";
    }
}
