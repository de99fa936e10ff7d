package org.samed2d.explorer.media;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.StoredFile;
import org.samed2d.explorer.release.ReleaseSource;
import org.samed2d.explorer.release.ReleaseSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Serves original PNG bytes, never re-encoded. Sources stay open between requests (a split archive is one channel
 * per part), so each file costs one positional read.
 */
@Service
public class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final CatalogLookup catalog;
    private final Map<Integer, ReleaseSource> openSources = new ConcurrentHashMap<>();

    MediaService(CatalogLookup catalog) {
        this.catalog = catalog;
    }

    /** The image's bytes, or empty when the catalog has no such image. */
    public Optional<StoredBytes> image(long id) {
        return catalog.imageFile(id).map(this::read);
    }

    /** The mask's bytes, or empty when the catalog has no such mask. */
    public Optional<StoredBytes> mask(long id) {
        return catalog.maskFile(id).map(this::read);
    }

    private StoredBytes read(StoredFile file) {
        String path = file.releasePath();
        try {
            ReleaseSource source = openSources.computeIfAbsent(file.source().id(), id -> reopen(file));
            byte[] bytes = source.read(path, file.location());
            return new StoredBytes(bytes, path.substring(path.lastIndexOf('/') + 1), etag(file));
        } catch (IOException e) {
            throw new UnreadableFileException(path + " in " + file.source().location() + ": " + e.getMessage(), e);
        }
    }

    private static ReleaseSource reopen(StoredFile file) {
        try {
            return ReleaseSources.reopen(file.source());
        } catch (IOException e) {
            throw new UnreadableFileException("the release at " + file.source().location() + " cannot be opened: "
                    + e.getMessage(), e);
        }
    }

    private static String etag(StoredFile file) {
        FileLocation location = file.location();
        FileLocation.ArchiveEntry entry = location.entry();
        return "%x-%x-%x".formatted(file.source().id(), location.byteSize(),
                entry == null ? file.releasePath().hashCode() : entry.offset());
    }

    @PreDestroy
    void close() {
        openSources.values().forEach(source -> {
            try {
                source.close();
            } catch (IOException e) {
                log.debug("closing {} failed: {}", source.location(), e.getMessage());
            }
        });
        openSources.clear();
    }

    /** The catalog knows the file but its bytes cannot be read (moved, deleted, damaged). */
    public static class UnreadableFileException extends UncheckedIOException {
        UnreadableFileException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
