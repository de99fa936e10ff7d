package org.samed2d.explorer.ingest;

import org.samed2d.explorer.shared.ProgressMeter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogBatch;
import org.samed2d.explorer.catalog.CatalogBatch.ImageRow;
import org.samed2d.explorer.catalog.CatalogBatch.LabelRow;
import org.samed2d.explorer.catalog.CatalogBatch.MaskRow;
import org.samed2d.explorer.catalog.CatalogImport;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.FileSource;
import org.samed2d.explorer.catalog.ImportedCounts;
import org.samed2d.explorer.ingest.json.ClassMapping;
import org.samed2d.explorer.ingest.json.MalformedReleaseJsonException;
import org.samed2d.explorer.ingest.json.ReleaseIndexReader;
import org.samed2d.explorer.ingest.png.DamagedPngException;
import org.samed2d.explorer.ingest.png.PngChunks;
import org.samed2d.explorer.ingest.png.PngHeader;
import org.samed2d.explorer.release.PathOutsideRootException;
import org.samed2d.explorer.ingest.png.UnreadablePngException;
import org.samed2d.explorer.release.ReleaseSource;
import org.samed2d.explorer.shared.InvalidReleaseNameException;
import org.samed2d.explorer.shared.ReleaseName;

/**
 * The first phase: streams {@code SAMed2D_v1.json}, checks each image and mask by name and presence, walks each
 * image's PNG chunks to IEND (CRCs, no decoding), and hands batches to the catalog. Masks are not read here: the
 * geometry pass reads every mask whole anyway and checks its chunks there, where removing a mask is routine.
 */
final class NamesPhase implements ReleaseIndexReader.Listener {

    /** The most of one image held at a time while its chunks are walked; smaller files get a buffer their size. */
    private static final int CHECK_BUFFER = 1 << 16;

    private final ReleaseSource source;
    private final FileSource fileSource;
    private final ClassMapping mapping;
    private final CatalogImport catalog;
    private final SkipLog skips;
    private final ProgressMeter meter;
    private final long indexBytes;
    private final int batchMasks;

    private final List<ImageRow> images = new ArrayList<>();
    private final List<MaskRow> masks = new ArrayList<>();
    private final Map<String, LabelRow> labels = new LinkedHashMap<>();
    /** Entries read from the index and not yet checked: a batch's worth is checked at once, in parallel. */
    private final List<Listed> listed = new ArrayList<>();
    private int listedMasks;
    private ImportedCounts added = new ImportedCounts(0, 0);
    /** Batches are written on their own thread while the next one is read: reading and PostgreSQL overlap. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("catalog-writer").daemon().factory());
    private @Nullable Future<ImportedCounts> pendingWrite;
    private long imagesListed;
    private long masksListed;

    NamesPhase(ReleaseSource source, FileSource fileSource, ClassMapping mapping, CatalogImport catalog, SkipLog skips,
               ProgressMeter meter, long indexBytes, int batchMasks) {
        this.source = source;
        this.fileSource = fileSource;
        this.mapping = mapping;
        this.catalog = catalog;
        this.skips = skips;
        this.meter = meter;
        this.indexBytes = indexBytes;
        this.batchMasks = batchMasks;
    }

    /** Reads the whole index; rows of every complete batch are committed even when the JSON fails part-way. */
    void run(InputStream index) throws MalformedReleaseJsonException {
        try {
            ReleaseIndexReader.read(index, ReleaseSource.IMAGE_INDEX, this);
        } finally {
            try {
                flush();
                awaitWrite();
            } finally {
                writer.shutdownNow();
            }
        }
    }

    long imagesListed() {
        return imagesListed;
    }

    long masksListed() {
        return masksListed;
    }

    ImportedCounts added() {
        return added;
    }

    private record Listed(String imagePath, List<String> maskPaths) {
    }

    @Override
    public void malformedEntry(String key, String reason) {
        skips.skip(key, SkipReason.MALFORMED_ENTRY, reason);
    }

    @Override
    public void image(String imagePath, List<String> maskPaths, long bytesRead) {
        imagesListed++;
        masksListed += maskPaths.size();
        listed.add(new Listed(imagePath, maskPaths));
        listedMasks += maskPaths.size();
        if (listedMasks >= batchMasks || listed.size() >= Math.max(1, batchMasks / 4)) {
            flush();
        }
        meter.update(masksListed, indexBytes > 0 ? (double) bytesRead / indexBytes : 0);
    }

    /**
     * Checks the listed images on all cores (each is read whole, which on a ZIP means inflating it), then their
     * masks in order on this thread (a stat each, and the label map is not shared).
     */
    private void checkListed() {
        List<Optional<ImageRow>> checked = listed.parallelStream().map(entry -> checkImage(entry.imagePath())).toList();
        for (int i = 0; i < listed.size(); i++) {
            Listed entry = listed.get(i);
            Optional<ImageRow> image = checked.get(i);
            if (image.isPresent()) {
                images.add(image.get());
                for (String maskPath : entry.maskPaths()) {
                    checkMask(maskPath, image.get()).ifPresent(masks::add);
                }
            } else {
                for (String maskPath : entry.maskPaths()) {
                    skips.skip(maskPath, SkipReason.IMAGE_SKIPPED, "its image " + entry.imagePath() + " was skipped");
                }
            }
        }
        listed.clear();
        listedMasks = 0;
    }

    private Optional<ImageRow> checkImage(String path) {
        Optional<ReleaseName> name = parse(path, "images/", false);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<FileLocation> location = locate(path);
            if (location.isEmpty()) {
                return Optional.empty();
            }
            PngHeader header;
            FileLocation found = location.get();
            try (CheckedInputStream in = new CheckedInputStream(source.stream(path, found), new CRC32())) {
                header = PngChunks.check(in, (int) Math.clamp(found.byteSize(), 64, CHECK_BUFFER));
                if (found.crc() == null) {
                    // a folder file: the bytes after IEND too, so the CRC is the whole file's and no export reads it
                    in.transferTo(OutputStream.nullOutputStream());
                    found = found.withCrc(in.getChecksum().getValue());
                }
            }
            return Optional.of(new ImageRow(path, name.get(), found, header.width(), header.height()));
        } catch (DamagedPngException e) {
            skips.skip(path, SkipReason.DAMAGED_PNG, e.getMessage());
        } catch (UnreadablePngException e) {
            skips.skip(path, SkipReason.UNREADABLE_PNG, e.getMessage());
        } catch (PathOutsideRootException e) {
            skips.skip(path, SkipReason.OUTSIDE_ROOT, e.getMessage());
        } catch (IOException e) {
            skips.skip(path, SkipReason.UNREADABLE_PNG, "cannot read: " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<MaskRow> checkMask(String path, ImageRow image) {
        Optional<ReleaseName> parsed = parse(path, "masks/", true);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ReleaseName name = parsed.get();
        if (!name.stem().equals(image.name().stem())) {
            skips.skip(path, SkipReason.INVALID_NAME, "listed under " + image.path() + " but named for another image");
            return Optional.empty();
        }
        String classId = java.util.Objects.requireNonNull(name.classId());
        Optional<String> className = mapping.nameOf(name.dataset(), classId);
        if (className.isEmpty()) {
            skips.skip(path, SkipReason.UNKNOWN_CLASS_ID, "class id " + classId + " of dataset " + name.dataset()
                    + " is not in " + ReleaseSource.CLASS_MAPPING);
            return Optional.empty();
        }
        try {
            Optional<FileLocation> location = locate(path);
            if (location.isEmpty()) {
                return Optional.empty();
            }
            labels.putIfAbsent(name.dataset() + "\n" + classId, new LabelRow(name.dataset(), classId, className.get()));
            return Optional.of(new MaskRow(path, image.path(), name, location.get()));
        } catch (PathOutsideRootException e) {
            skips.skip(path, SkipReason.OUTSIDE_ROOT, e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            skips.skip(path, SkipReason.MISSING_FILE, "cannot stat: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Where the file is, or empty after recording it as missing. */
    private Optional<FileLocation> locate(String path) throws IOException {
        Optional<FileLocation> location = source.find(path);
        if (location.isEmpty()) {
            skips.skip(path, SkipReason.MISSING_FILE, "not found in " + source.location());
        }
        return location;
    }

    private Optional<ReleaseName> parse(String path, String folder, boolean mask) {
        if (!ReleaseSource.isSafe(path)) {
            skips.skip(path, SkipReason.OUTSIDE_ROOT, "paths must stay inside the release folder");
            return Optional.empty();
        }
        if (!path.startsWith(folder) || path.indexOf('/', folder.length()) >= 0) {
            skips.skip(path, SkipReason.INVALID_NAME, "expected a file directly in " + folder);
            return Optional.empty();
        }
        String fileName = path.substring(folder.length());
        try {
            return Optional.of(mask ? ReleaseName.mask(fileName) : ReleaseName.image(fileName));
        } catch (InvalidReleaseNameException e) {
            skips.skip(path, SkipReason.INVALID_NAME, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Checks the listed entries (while the writer stores the previous batch) and hands them to the writer once the
     * previous one is stored, so reading never runs more than one batch ahead.
     */
    private void flush() {
        checkListed();
        if (images.isEmpty()) {
            return;
        }
        CatalogBatch batch = new CatalogBatch(fileSource.id(), List.copyOf(images), List.copyOf(masks),
                List.copyOf(labels.values()));
        images.clear();
        masks.clear();
        labels.clear();
        awaitWrite();
        pendingWrite = writer.submit(() -> catalog.importBatch(batch));
    }

    private void awaitWrite() {
        if (pendingWrite == null) {
            return;
        }
        try {
            added = added.plus(pendingWrite.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("writing a batch to the catalog failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a batch to the catalog", e);
        } finally {
            pendingWrite = null;
        }
    }
}
