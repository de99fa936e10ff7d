package org.samed2d.explorer.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where zonky unpacks the PostgreSQL programs: {@code <folder>/unpacked/PG-<md5>}, with {@code <folder>} 0700 and
 * ours. zonky makes its working folder world-writable and reuses whatever {@code PG-<md5>/.exists} it finds, so in
 * the shared temp folder (its default) any local account could plant a {@code postgres} that we would run; inside a
 * folder only we can enter, nobody else can reach it.
 *
 * <p>It also hands zonky the binaries (as its resolver) and remembers their md5, which is how zonky names the folder.
 * A new instance per start: zonky caches prepared binaries per resolver, and a fresh one always reports the folder of
 * this start's bytes.
 */
final class PostgresBinaries implements PgBinaryResolver {

    static final String FOLDER_NAME = "postgres-binaries";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    /** zonky's Builder reads its scratch folder from this property once, when it is made. */
    private static final String ZONKY_SCRATCH_PROPERTY = "ot.epg.working-dir";

    private final Path folder;
    private volatile @Nullable String md5;

    private PostgresBinaries(Path folder) {
        this.folder = folder;
    }

    /** The binaries folder beside the server's data folder, created 0700 or checked to be ours and made 0700. */
    static PostgresBinaries beside(Path dataFolder) throws IOException {
        Path folder = dataFolder.toAbsolutePath().resolveSibling(FOLDER_NAME);
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        UserPrincipal us = FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                || !Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).equals(us)) {
            throw new IOException(folder + " is not a folder owned by " + us.getName()
                    + "; someone else may have put programs there: remove it and start again");
        }
        Files.setPosixFilePermissions(folder, OWNER_ONLY);
        return new PostgresBinaries(folder);
    }

    /**
     * A zonky builder that unpacks into this folder and whose clean-up of stale servers scans this folder too. By
     * default zonky creates {@code ${java.io.tmpdir}/embedded-pg} and, for any sub-folder there with an old
     * {@code epg-lock}, runs {@code pg_ctl stop} on it and deletes it, so a planted folder there would have us signal
     * a process of its choosing and delete files through its links. Only this property moves that scan.
     */
    EmbeddedPostgres.Builder builder() {
        synchronized (PostgresBinaries.class) {
            String previous = System.getProperty(ZONKY_SCRATCH_PROPERTY);
            System.setProperty(ZONKY_SCRATCH_PROPERTY, folder.toString());
            try {
                return EmbeddedPostgres.builder().setOverrideWorkingDirectory(folder.resolve("unpacked").toFile())
                        .setPgBinaryResolver(this);
            } finally {
                if (previous == null) {
                    System.clearProperty(ZONKY_SCRATCH_PROPERTY);
                } else {
                    System.setProperty(ZONKY_SCRATCH_PROPERTY, previous);
                }
            }
        }
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            archive = in.readAllBytes();
        }
        try {
            md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("this JVM has no MD5, which zonky names its binaries folder by", e);
        }
        return new ByteArrayInputStream(archive);
    }

    /** The unpacked installation ({@code bin/}, {@code lib/}, {@code share/}), once zonky has unpacked it. */
    Path home() throws IOException {
        String digest = md5;
        Path home = folder.resolve("unpacked").resolve("PG-" + digest);
        if (digest == null || !Files.isExecutable(home.resolve("bin").resolve("postgres"))) {
            throw new IOException("expected zonky to have unpacked PostgreSQL at " + home
                    + " (bin/postgres is missing)");
        }
        return home;
    }

    Path folder() {
        return folder;
    }
}
