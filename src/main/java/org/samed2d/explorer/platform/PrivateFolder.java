package org.samed2d.explorer.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds exports, the search index, caches and the cursor-signing key, none of which other local
 * accounts may read: it is made, or tightened to, owner-only (0700). A folder someone else owns is left as it is,
 * with a warning, since changing it is not ours to do.
 */
final class PrivateFolder {

    private static final Logger log = LoggerFactory.getLogger(PrivateFolder.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFolder() {
    }

    static void ensure(Path folder) throws IOException {
        Files.createDirectories(folder);
        PosixFileAttributeView posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (posix == null) {
            return; // not a POSIX file system: its own access rules apply
        }
        Set<PosixFilePermission> now = posix.readAttributes().permissions();
        if (now.equals(OWNER_ONLY)) {
            return;
        }
        String owner = posix.getOwner().getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            log.warn("The data directory {} belongs to {} and is {}: other local accounts may read exports and "
                    + "indexes in it; make it owner-only (chmod 700)", folder, owner, PosixFilePermissions.toString(now));
            return;
        }
        posix.setPermissions(OWNER_ONLY);
        log.info("Made the data directory {} owner-only (it was {}): it holds exports, indexes and keys",
                folder, PosixFilePermissions.toString(now));
    }
}
