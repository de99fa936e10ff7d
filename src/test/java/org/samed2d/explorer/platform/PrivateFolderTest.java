package org.samed2d.explorer.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFolderTest {

    @TempDir
    Path temp;

    @Test
    void a_new_data_directory_is_made_owner_only() throws Exception {
        Path data = temp.resolve("a/data");
        PrivateFolder.ensure(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void a_data_directory_made_readable_by_an_earlier_version_is_tightened_with_its_files_kept() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(data.resolve("kept.txt"), "kept");
        PrivateFolder.ensure(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(data.resolve("kept.txt")).hasContent("kept");
    }
}
