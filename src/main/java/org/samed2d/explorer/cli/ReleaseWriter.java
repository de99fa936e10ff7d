package org.samed2d.explorer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Where the generator puts files: a release folder, or a split ZIP as the release is distributed. */
interface ReleaseWriter extends AutoCloseable {

    void put(String releasePath, byte[] content) throws IOException;

    void put(String releasePath, Path file) throws IOException;

    @Override
    void close() throws IOException;

    static ReleaseWriter folder(Path root) throws IOException {
        Files.createDirectories(root.resolve("images"));
        Files.createDirectories(root.resolve("masks"));
        return new ReleaseWriter() {
            @Override
            public void put(String releasePath, byte[] content) throws IOException {
                Files.write(root.resolve(releasePath), content);
            }

            @Override
            public void put(String releasePath, Path file) throws IOException {
                Files.move(file, root.resolve(releasePath), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }

            @Override
            public void close() {
                // files are complete when written
            }
        };
    }

    /**
     * {@code zip} is the {@code .zip} to write; parts of {@code splitSize} bytes go beside it as {@code .z01 ...}.
     * Entries are DEFLATED (level 1), or STORED when {@code stored}: archives of either kind are in circulation.
     */
    static ReleaseWriter splitZip(Path zip, String prefix, long splitSize, boolean stored) throws IOException {
        ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip, splitSize);
        out.setLevel(1);
        return new ReleaseWriter() {
            @Override
            public void put(String releasePath, byte[] content) throws IOException {
                ZipArchiveEntry entry = new ZipArchiveEntry(prefix + releasePath);
                if (stored) {
                    // a STORED entry's CRC and size go into its local header, so they are known before its data
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipArchiveEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }

            @Override
            public void put(String releasePath, Path file) throws IOException {
                if (stored) {
                    put(releasePath, Files.readAllBytes(file)); // the JSON index: a few hundred MB at most
                    Files.delete(file);
                    return;
                }
                out.putArchiveEntry(new ZipArchiveEntry(prefix + releasePath));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeArchiveEntry();
                Files.delete(file);
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}
