package org.samed2d.explorer.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import java.util.zip.CRC32;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.catalog.StoredFile;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.DataSplit;

/**
 * Plans one export: walks the matching images and masks in id order, reads each file once (CRC for the archive,
 * sha256 for the manifest), writes the generated files into the export folder and the plan ({@code plan.tsv}, one
 * entry per line), so memory stays flat whatever the subset size.
 *
 * <p>The same walk without reading any file ({@link #size}) gives the archive's exact length from the catalog alone:
 * a ZIP of STORED entries is as long as its names and sizes make it, whatever the CRCs, and a manifest row is as long
 * whatever its hex digests say. A COCO annotation's length depends on its mask's RLE, whose length the geometry pass
 * keeps in the catalog.
 */
final class ExportPlanner {

    /** Images per page of the walk: each page costs one search and four catalog queries. */
    private static final int PAGE_IMAGES = 1000;

    private final SearchService search;
    private final CatalogLookup catalog;
    private final MediaService media;
    private final LicenceFiles licences;

    ExportPlanner(SearchService search, CatalogLookup catalog, MediaService media, LicenceFiles licences) {
        this.search = search;
        this.catalog = catalog;
        this.media = media;
        this.licences = licences;
    }

    /** Writes the plan and generated files into {@code folder}; returns the archive's length. */
    long plan(ExportRecord export, MaskFilter filter, Path folder, DoubleConsumer progress) throws IOException {
        return walk(export, filter, folder, progress, this::read, GeneratedFiles.writing(folder));
    }

    /**
     * The length the archive will have, from the catalog alone, without reading a file; empty for a COCO export of
     * masks measured before the catalog kept their RLE length. Works in {@code scratch}, which it empties again.
     */
    OptionalLong size(ExportRecord export, MaskFilter filter, Path scratch) throws IOException {
        java.nio.file.Files.createDirectories(scratch);
        try {
            return OptionalLong.of(walk(export, filter, scratch, progress -> { }, ExportPlanner::declared,
                    GeneratedFiles.counting(scratch)));
        } catch (CocoFiles.SizeUnknownException e) {
            return OptionalLong.empty();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(scratch);
        }
    }

    @FunctionalInterface
    private interface FactSource {
        FileFacts of(StoredFile file, ExportFormat format) throws IOException;
    }

    private FileFacts read(StoredFile file, ExportFormat format) throws IOException {
        byte[] bytes = media.read(file).bytes();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        // hashing every file costs as much as reading it again; only the manifest lists digests
        return new FileFacts(bytes.length, crc.getValue(), format == ExportFormat.MANIFEST ? sha256(bytes) : "",
                bytes);
    }

    private static final String UNKNOWN_DIGEST = "0".repeat(64);

    private static FileFacts declared(StoredFile file, ExportFormat format) {
        return new FileFacts(file.location().byteSize(), 0, UNKNOWN_DIGEST, null);
    }

    private long walk(ExportRecord export, MaskFilter filter, Path folder, DoubleConsumer progress, FactSource files,
                      GeneratedFiles generated) throws IOException {
        ExportFormat format = ExportFormat.ofParameter(export.format()).orElseThrow();
        TreeSet<String> datasets = new TreeSet<>();
        DataSplit.Assignment split = export.split() == null ? null
                : export.split().assignment(catalog.splitUnits(export.split().byImage()));
        SplitTally tally = split == null ? null : new SplitTally(split);
        long imagesDone = 0;
        Map<String, Object> described;
        try (BufferedWriter plan = java.nio.file.Files.newBufferedWriter(folder.resolve("plan.tsv"));
             ExportLayout layout = ExportLayout.of(format, export, generated)) {
            String cursor = null;
            do {
                ImagePage page = search.images(filter, PAGE_IMAGES, cursor);
                Map<Long, ImageRecord> images = new LinkedHashMap<>();
                catalog.images(page.images().stream().map(ImagePage.ImageHit::imageId).toList())
                        .forEach(image -> images.put(image.id(), image));
                List<Long> maskIds = page.images().stream().flatMap(hit -> hit.maskIds().stream()).toList();
                Map<Long, MaskRecord> masks = new LinkedHashMap<>();
                catalog.masks(maskIds).forEach(mask -> masks.put(mask.id(), mask));
                Map<Long, StoredFile> imageFiles = catalog.imageFiles(List.copyOf(images.keySet()));
                Map<Long, StoredFile> maskFiles = catalog.maskFiles(maskIds);
                for (ImagePage.ImageHit hit : page.images()) {
                    ImageRecord image = images.get(hit.imageId());
                    if (image == null) {
                        continue; // removed since the search saw it
                    }
                    datasets.add(image.dataset());
                    DataSplit.Part part = split == null ? null
                            : split.part(image.dataset(), image.caseName(), image.file());
                    StoredFile imageFile = located(imageFiles.get(image.id()), image.file());
                    FileFacts imageFacts = files.of(imageFile, format);
                    String imageName = layout.image(image, imageFacts, part);
                    if (imageName != null) {
                        plan.write(entry(imageName, imageFacts, imageFile).line() + "\n");
                    }
                    int maskCount = 0;
                    for (long maskId : hit.maskIds()) {
                        MaskRecord mask = masks.get(maskId);
                        if (mask == null) {
                            continue;
                        }
                        StoredFile maskFile = located(maskFiles.get(mask.id()), mask.file());
                        FileFacts maskFacts = files.of(maskFile, format);
                        String maskName = layout.mask(mask, maskFacts);
                        if (maskName != null) {
                            plan.write(entry(maskName, maskFacts, maskFile).line() + "\n");
                        }
                        maskCount++;
                    }
                    layout.endImage();
                    if (tally != null) {
                        tally.image(image, part, maskCount);
                    }
                    imagesDone++;
                    progress.accept((double) imagesDone / Math.max(1, export.images()));
                }
                cursor = page.next();
            } while (cursor != null);
            described = layout.finish(generated);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        if (tally != null) {
            manifest.put("split", tally.manifest());
        }
        manifest.putAll(described);
        licences.write(export, datasets, manifest, generated);
        try (BufferedWriter plan = java.nio.file.Files.newBufferedWriter(folder.resolve("plan.tsv"),
                java.nio.file.StandardOpenOption.APPEND)) {
            for (PlannedEntry entry : generated.entries()) {
                plan.write(entry.line() + "\n");
            }
        }
        return ArchiveStreamer.length(folder.resolve("plan.tsv"));
    }

    private static StoredFile located(StoredFile file, String name) throws IOException {
        if (file == null) {
            throw new IOException(name + " is no longer in the catalog");
        }
        return file;
    }

    private static PlannedEntry entry(String name, FileFacts facts, StoredFile file) {
        return new PlannedEntry(name, facts.size(), facts.crc(), "stored", StoredFileRef.encode(file));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
