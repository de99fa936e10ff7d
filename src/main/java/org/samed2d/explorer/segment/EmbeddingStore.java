package org.samed2d.explorer.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image embeddings on disk under the data directory ({@code embeddings/MODEL/IMAGE.f32}: width, height, then the
 * floats, little-endian), so a precomputed subset survives restarts and memory pressure. Writes stop at a byte cap;
 * a file is written to a temporary name and renamed, so a crash never leaves half an embedding.
 */
final class EmbeddingStore {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingStore.class);
    private final Path root;
    private final long capBytes;
    private final AtomicLong used = new AtomicLong();

    record Stored(float[] values, int width, int height) {
    }

    EmbeddingStore(Path root, long capBytes) {
        this.root = root;
        this.capBytes = capBytes;
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                used.set(files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum());
            } catch (IOException e) {
                log.warn("Cannot measure the embedding store {}: {}", root, e.getMessage());
            }
        }
    }

    Optional<Stored> get(String model, long imageId) {
        Path file = file(model, imageId);
        if (capBytes <= 0 || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size()).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read it all
            }
            buffer.flip();
            int width = buffer.getInt();
            int height = buffer.getInt();
            float[] values = new float[buffer.remaining() / Float.BYTES];
            buffer.asFloatBuffer().get(values);
            return Optional.of(new Stored(values, width, height));
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring an unreadable stored embedding {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    void put(String model, long imageId, Stored embedding) {
        long size = 8L + (long) embedding.values().length * Float.BYTES;
        if (capBytes <= 0 || used.get() + size > capBytes) {
            return;
        }
        Path file = file(model, imageId);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            ByteBuffer buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
            buffer.putInt(embedding.width()).putInt(embedding.height());
            buffer.asFloatBuffer().put(embedding.values());
            Files.write(partial, buffer.array());
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            used.addAndGet(size);
        } catch (IOException e) {
            log.warn("Cannot store the embedding of image {} for {}: {}", imageId, model, e.getMessage());
        }
    }

    private Path file(String model, long imageId) {
        return root.resolve(model.replaceAll("[^A-Za-z0-9._-]", "_")).resolve(imageId + ".f32");
    }
}
