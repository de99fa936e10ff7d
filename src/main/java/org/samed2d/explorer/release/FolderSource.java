package org.samed2d.explorer.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.FileSource;

/** An unzipped release: the folder that holds {@code SAMed2D_v1.json}, {@code images/} and {@code masks/}. */
final class FolderSource implements ReleaseSource {

    private final Path root;
    private final Path realRoot;

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
        try {
            BasicFileAttributes attributes = Files.readAttributes(resolve(releasePath), BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(new FileLocation(attributes.size(), null)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] read(String releasePath, FileLocation location) throws IOException {
        return Files.readAllBytes(resolve(releasePath));
    }

    @Override
    public byte[] readHead(String releasePath, FileLocation location, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(resolve(releasePath), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, channel.size()));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading: a short read is allowed
            }
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
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

    /** The file, refused when its name or a symbolic link on its way leads out of the release folder. */
    private Path resolve(String releasePath) throws IOException {
        Path file = root.resolve(releasePath).normalize();
        if (!ReleaseSource.isSafe(releasePath) || !file.startsWith(root)) {
            throw new PathOutsideRootException(releasePath + ": path leaves the release folder " + root);
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !file.toRealPath().startsWith(realRoot)) {
            throw new PathOutsideRootException(releasePath + ": a symbolic link leads out of the release folder " + root);
        }
        return file;
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
