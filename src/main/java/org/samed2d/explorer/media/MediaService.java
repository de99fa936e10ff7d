package org.samed2d.explorer.media;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.FileSource;
import org.samed2d.explorer.catalog.MaskRecord;
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
public class MediaService implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private static final long THUMBNAIL_CACHE_BYTES = 128L << 20;

    private final CatalogLookup catalog;
    // keyed by the whole source, not its id: ids can be reused after a catalog is emptied or restored
    private final Map<FileSource, ReleaseSource> openSources = new ConcurrentHashMap<>();
    private final OverlayRenderer renderer = new OverlayRenderer();
    private final Cache<ThumbnailKey, StoredBytes> thumbnails = Caffeine.newBuilder()
            .maximumWeight(THUMBNAIL_CACHE_BYTES)
            .weigher((ThumbnailKey key, StoredBytes value) -> value.bytes().length)
            .recordStats().build();

    /** The thumbnail cache's hits, misses and size, for Prometheus. */
    @Override
    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(registry, thumbnails, "thumbnails");
    }

    private record ThumbnailKey(long imageId, String imageEtag, List<Long> maskIds, int size) {
    }

    private final LabelPalette palette;

    MediaService(CatalogLookup catalog, LabelPalette palette) {
        this.catalog = catalog;
        this.palette = palette;
    }

    /**
     * The image scaled to fit {@code size} pixels with the given masks drawn in their label's colour; mask ids that
     * are not masks of this image are ignored. Rendered once, then served from a memory cache bounded in bytes.
     *
     * @return empty when the catalog has no such image
     */
    public Optional<StoredBytes> thumbnail(long imageId, List<Long> maskIds, int size) {
        Optional<StoredFile> imageFile = catalog.imageFile(imageId);
        if (imageFile.isEmpty()) {
            return Optional.empty();
        }
        // the file's location is part of the key: ids are reused after a catalog is emptied or restored
        ThumbnailKey key = new ThumbnailKey(imageId, etag(imageFile.get()), maskIds.stream().sorted().distinct().toList(),
                size);
        StoredBytes cached = thumbnails.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        StoredBytes image = read(imageFile.get());
        List<OverlayRenderer.Layer> layers = new ArrayList<>();
        List<MaskRecord> drawn = catalog.masksOfImage(imageId).stream()
                .filter(mask -> key.maskIds().contains(mask.id())).toList();
        Map<Long, StoredFile> files = catalog.maskFiles(drawn.stream().map(MaskRecord::id).toList());
        LabelPalette.Colours colours = palette.current();
        for (MaskRecord mask : drawn) {
            StoredFile file = files.get(mask.id());
            if (file != null) {
                layers.add(new OverlayRenderer.Layer(read(file).bytes(), colours.colour(mask.label())));
            }
        }
        try {
            byte[] png = renderer.render(image.bytes(), layers, size);
            StoredBytes rendered = new StoredBytes(png, "thumbnail-" + imageId + ".png",
                    image.etag() + "-" + Integer.toHexString(key.hashCode()) + LabelPalette.VERSION);
            thumbnails.put(key, rendered);
            return Optional.of(rendered);
        } catch (IOException e) {
            throw new UnreadableFileException("image " + imageId + " cannot be drawn: " + e.getMessage(), e);
        }
    }

    /** The image's bytes, or empty when the catalog has no such image. */
    public Optional<StoredBytes> image(long id) {
        return catalog.imageFile(id).map(this::read);
    }

    /** The mask's bytes, or empty when the catalog has no such mask. */
    public Optional<StoredBytes> mask(long id) {
        return catalog.maskFile(id).map(this::read);
    }

    /** The bytes of a file whose location the caller already has from the catalog. */
    public StoredBytes read(StoredFile file) {
        String path = file.releasePath();
        try {
            ReleaseSource source = openSources.computeIfAbsent(file.source(), key -> reopen(file));
            byte[] bytes = source.read(path, file.location());
            return new StoredBytes(bytes, path.substring(path.lastIndexOf('/') + 1), etag(file));
        } catch (IOException e) {
            throw new UnreadableFileException(path + " in " + file.source().location() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file's bytes as its source stores them, for copying into an archive as they are: a folder file's content,
     * or an archive entry's data, compressed when the entry is (never inflated here). Fails with
     * {@link UnreadableFileException} naming the file when it cannot be read or no longer matches its location
     * (see {@link ReleaseSource#stored}).
     */
    public byte[] stored(StoredFile file) {
        return fromItsSource(file, source -> source.stored(file.releasePath(), file.location()));
    }

    /**
     * {@link #stored(StoredFile)}, put into {@code into} at its position (which it advances past them): a folder file
     * is read straight into it, so an export's direct buffer gets it with no copy on the way.
     */
    public void storedInto(StoredFile file, java.nio.ByteBuffer into) {
        fromItsSource(file, source -> {
            source.storedInto(file.releasePath(), file.location(), into);
            return null;
        });
    }

    private interface SourceRead<T> {
        T from(ReleaseSource source) throws IOException;
    }

    private <T> T fromItsSource(StoredFile file, SourceRead<T> read) {
        try {
            return read.from(openSources.computeIfAbsent(file.source(), key -> reopen(file)));
        } catch (org.samed2d.explorer.release.ArchiveChangedException e) {
            throw new UnreadableFileException(e.getMessage(), e); // it names the file and its source already
        } catch (IOException e) {
            throw new UnreadableFileException(file.releasePath() + " in " + file.source().location() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@link #stored(StoredFile)} of several files of one source, in order, read together where the source can (an
     * archive reads entries that lie close together in one call, and gives views of that one read).
     */
    public List<java.nio.ByteBuffer> stored(List<StoredFile> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        StoredFile first = files.getFirst();
        try {
            ReleaseSource source = openSources.computeIfAbsent(first.source(), key -> reopen(first));
            return source.stored(files.stream().map(StoredFile::releasePath).toList(),
                    files.stream().map(StoredFile::location).toList());
        } catch (org.samed2d.explorer.release.ArchiveChangedException e) {
            throw new UnreadableFileException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UnreadableFileException(files.size() + " files from " + first.releasePath() + " on in "
                    + first.source().location() + ": " + e.getMessage(), e);
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

    /** Draws one thumbnail in the background after start, so the first visitor does not pay for class loading. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp(org.springframework.boot.context.event.ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext)) {
            return; // a one-off command has no visitors to warm up for
        }
        Thread.ofVirtual().name("thumbnail-warm-up").start(() -> {
            try {
                catalog.firstImageId().ifPresent(id -> thumbnail(id, List.of(), 64));
            } catch (RuntimeException e) {
                log.debug("thumbnail warm-up skipped: {}", e.getMessage());
            }
        });
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
        public UnreadableFileException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
