package org.samed2d.explorer.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.samed2d.explorer.catalog.EntryChecksums;
import org.samed2d.explorer.catalog.FileSource;

/** Opens a release from what the user names: a folder, its parent, a ZIP, or the {@code .zip} of a split ZIP. */
public final class ReleaseSources {

    private static final String RELEASE_FOLDER = "SAMed2Dv1";

    private ReleaseSources() {
    }

    /**
     * Finds the release root at or right below {@code path}; throws {@link ReleaseNotFoundException} with a one-line
     * reason when there is none.
     */
    public static ReleaseSource open(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return new FolderSource(findReleaseFolder(absolute));
        }
        if (!Files.isRegularFile(absolute)) {
            throw new ReleaseNotFoundException(absolute + ": no such file or folder");
        }
        String name = absolute.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.matches(".*\\.z\\d\\d+")) {
            throw new ReleaseNotFoundException(absolute + ": this is one part of a split archive; name its .zip part");
        }
        if (!name.endsWith(".zip")) {
            throw new ReleaseNotFoundException(absolute + ": not a folder or a .zip archive");
        }
        return indexArchive(absolute);
    }

    /** Reopens a source recorded in the catalog, for reading files whose locations the catalog holds. */
    public static ReleaseSource reopen(FileSource source) throws IOException {
        Path location = Path.of(source.location());
        return switch (source.kind()) {
            case FOLDER -> new FolderSource(location);
            case ZIP -> new ArchiveSource(location, new SpannedFile(parts(location)), new ArchiveIndex(), source.prefix());
        };
    }

    /**
     * Lists the CRC-32 of every entry of an archive source from its central directory, by local header offset as the
     * catalog counts it; reads no entry.
     */
    public static void forEachEntryCrc(FileSource source, EntryChecksums.Sink sink) throws IOException {
        if (source.kind() != FileSource.Kind.ZIP) {
            throw new IOException(source.location() + " is a folder: it has no central directory");
        }
        Path zip = Path.of(source.location());
        try (SpannedFile file = new SpannedFile(parts(zip))) {
            ZipCentralDirectory.forEachEntry(file, zip.getFileName().toString(),
                    entry -> sink.accept(entry.offset(), entry.crc()));
        }
    }

    private static Path findReleaseFolder(Path folder) throws ReleaseNotFoundException {
        if (Files.isRegularFile(folder.resolve(ReleaseSource.IMAGE_INDEX))) {
            return folder;
        }
        Path nested = folder.resolve(RELEASE_FOLDER);
        if (Files.isRegularFile(nested.resolve(ReleaseSource.IMAGE_INDEX))) {
            return nested;
        }
        throw new ReleaseNotFoundException(folder + ": no " + ReleaseSource.IMAGE_INDEX + " in it or in "
                + RELEASE_FOLDER + "/ below it; name the unzipped release folder or the .zip of the release");
    }

    private static ArchiveSource indexArchive(Path zip) throws IOException {
        SpannedFile file = new SpannedFile(parts(zip));
        try {
            ArchiveIndex index = new ArchiveIndex();
            AtomicReference<String> releaseIndexEntry = new AtomicReference<>();
            ZipCentralDirectory.forEachEntry(file, zip.getFileName().toString(), entry -> {
                index.add(entry.name(), entry.offset(), entry.storedSize(), entry.size(), entry.method(), entry.crc());
                String found = releaseIndexEntry.get();
                if (isReleaseIndex(entry.name()) && (found == null || entry.name().length() < found.length())) {
                    releaseIndexEntry.set(entry.name());
                }
            });
            String found = releaseIndexEntry.get();
            if (found == null) {
                throw new ReleaseNotFoundException(zip + ": the archive holds no " + ReleaseSource.IMAGE_INDEX);
            }
            String prefix = found.substring(0, found.length() - ReleaseSource.IMAGE_INDEX.length());
            return new ArchiveSource(zip, file, index, prefix);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static boolean isReleaseIndex(String entryName) {
        return entryName.equals(ReleaseSource.IMAGE_INDEX) || entryName.endsWith("/" + ReleaseSource.IMAGE_INDEX);
    }

    /** {@code X.z01, X.z02, ...} in order, then {@code X.zip}: the order Info-ZIP numbers disks in. */
    static List<Path> parts(Path zip) {
        String fileName = zip.getFileName().toString();
        String base = fileName.substring(0, fileName.length() - 4);
        String extension = fileName.substring(fileName.length() - 4, fileName.length() - 2); // ".z" or ".Z"
        List<Path> parts = new ArrayList<>();
        for (int disk = 1; ; disk++) {
            Path part = zip.resolveSibling(base + extension + (disk < 100 ? "%02d".formatted(disk) : String.valueOf(disk)));
            if (!Files.isRegularFile(part)) {
                break;
            }
            parts.add(part);
        }
        parts.add(zip);
        return parts;
    }
}
