package org.samed2d.explorer.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.FileSource;

/** An unzipped release: the folder that holds {@code SAMed2D_v1.json}, {@code images/} and {@code masks/}. */
final class FolderSource implements ReleaseSource {

    private final Path root;
    private final Path realRoot;
    /** Folders already checked (a release has two: images/ and masks/), so a file costs one system call. */
    private final Map<Path, Boolean> foldersInside = new ConcurrentHashMap<>();

    FolderSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public FileSource.Kind kind() {
        return FileSource.Kind.FOLDER;
    }

    @Override
    public String prefix() {
        return "";
    }

    @Override
    public Optional<FileLocation> find(String releasePath) throws IOException {
        if (!ReleaseSource.isSafe(releasePath)) {
            return Optional.empty();
        }
        Path file = insideByName(releasePath);
        try {
            // One lstat for the common case, a plain file: its folder was checked once, so it cannot lead out.
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                attributes = Files.readAttributes(resolve(releasePath), BasicFileAttributes.class);
            }
            return attributes.isRegularFile() ? Optional.of(new FileLocation(attributes.size(), null, null)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] read(String releasePath, FileLocation location) throws IOException {
        return Files.readAllBytes(resolve(releasePath));
    }

    @Override
    public byte[] stored(String releasePath, FileLocation location) throws IOException {
        if (location.byteSize() > Integer.MAX_VALUE - 8) {
            throw new IOException(releasePath + " in " + root + ": " + location.byteSize()
                    + " bytes is too large to copy whole");
        }
        byte[] bytes = new byte[(int) location.byteSize()];
        storedInto(releasePath, location, java.nio.ByteBuffer.wrap(bytes));
        return bytes;
    }

    /** Read by the kernel straight into {@code into}: into an export's direct buffer, with no copy on the way. */
    @Override
    public void storedInto(String releasePath, FileLocation location, java.nio.ByteBuffer into) throws IOException {
        try (FileChannel channel = openChecked(releasePath)) {
            long size = channel.size();
            if (size != location.byteSize()) {
                throw new ArchiveChangedException(releasePath + " in " + root + " is now " + size
                        + " bytes; the catalog recorded " + location.byteSize() + ": the file changed after it was ingested");
            }
            if (size > into.remaining()) {
                throw new IOException(releasePath + " in " + root + ": " + size + " bytes do not fit in the "
                        + into.remaining() + " left for it");
            }
            java.nio.ByteBuffer buffer = into.slice(into.position(), (int) size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new ArchiveChangedException(releasePath + " in " + root + " ended after " + buffer.position()
                            + " of " + size + " bytes while it was read");
                }
            }
            into.position(into.position() + (int) size);
        }
    }

    @Override
    public InputStream stream(String releasePath, FileLocation location) throws IOException {
        return Channels.newInputStream(openChecked(releasePath));
    }

    @Override
    public Optional<InputStream> open(String releasePath) throws IOException {
        Path file = resolve(releasePath);
        return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    @Override
    public long sizeOf(String releasePath) throws IOException {
        return Files.size(resolve(releasePath));
    }

    /**
     * Opens the file with one system call when it is a plain file; a symbolic link is resolved and judged by its real
     * target. O_NOFOLLOW refuses a link with ELOOP, which the JDK reports as a plain IOException (not a
     * FileSystemException), so the fallback asks the file system whether it was a link instead of trusting the type.
     */
    private FileChannel openChecked(String releasePath) throws IOException {
        Path file = insideByName(releasePath);
        try {
            return FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            if (!Files.isSymbolicLink(file)) {
                throw e;
            }
            return FileChannel.open(resolve(releasePath), StandardOpenOption.READ);
        }
    }

    /** The file, refused when its name or a symbolic link on its way leads out of the release folder. */
    private Path resolve(String releasePath) throws IOException {
        Path file = insideByName(releasePath);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !file.toRealPath().startsWith(realRoot)) {
            throw linkOut(releasePath);
        }
        return file;
    }

    /**
     * The file, refused when its name leaves the release folder or its folder is (or passes through) a symbolic link
     * that leads out. The file itself may still be a link; callers that follow it use {@link #resolve}.
     */
    private Path insideByName(String releasePath) throws IOException {
        Path file = root.resolve(releasePath).normalize();
        if (!ReleaseSource.isSafe(releasePath) || !file.startsWith(root)) {
            throw new PathOutsideRootException(releasePath + ": path leaves the release folder " + root);
        }
        Path folder = file.getParent();
        if (!folder.equals(root) && !leadsInside(folder)) {
            throw linkOut(releasePath);
        }
        return file;
    }

    private boolean leadsInside(Path folder) {
        Boolean known = foldersInside.get(folder);
        if (known != null) {
            return known;
        }
        try {
            boolean inside = folder.toRealPath().startsWith(realRoot);
            foldersInside.put(folder, inside);
            return inside;
        } catch (IOException e) {
            return true; // a missing folder leads nowhere (the file is simply not found); not remembered
        }
    }

    private PathOutsideRootException linkOut(String releasePath) {
        return new PathOutsideRootException(releasePath + ": a symbolic link leads out of the release folder " + root);
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
