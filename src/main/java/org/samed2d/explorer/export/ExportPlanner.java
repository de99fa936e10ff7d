package org.samed2d.explorer.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.catalog.StoredFile;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROOT = "SAMed2Dv1/";
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
        return walk(export, filter, folder, progress, this::read);
    }

    /**
     * The length the archive will have, from the catalog alone, without reading a file; empty for a COCO export of
     * masks measured before the catalog kept their RLE length. Works in {@code scratch}, which it empties again.
     */
    OptionalLong size(ExportRecord export, MaskFilter filter, Path scratch) throws IOException {
        java.nio.file.Files.createDirectories(scratch);
        try {
            return OptionalLong.of(walk(export, filter, scratch, progress -> { }, ExportPlanner::declared));
        } catch (CocoFiles.SizeUnknownException e) {
            return OptionalLong.empty();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(scratch);
        }
    }

    /**
     * What the plan needs to know of a file: its size and CRC, its SHA-256 for manifests, its bytes for COCO (none
     * when only sizing).
     */
    private record FileFacts(long size, long crc, String sha256, byte @Nullable [] bytes) {
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

    private long walk(ExportRecord export, MaskFilter filter, Path folder, DoubleConsumer progress, FactSource files)
            throws IOException {
        ExportFormat format = ExportFormat.ofParameter(export.format()).orElseThrow();
        GeneratedFiles generated = new GeneratedFiles(folder);
        TreeSet<String> datasets = new TreeSet<>();
        Map<String, Map<String, String>> classes = new TreeMap<>();
        long imagesDone = 0;
        try (BufferedWriter plan = java.nio.file.Files.newBufferedWriter(folder.resolve("plan.tsv"));
             BufferedWriter index = format == ExportFormat.SA_MED2D ? generated.open("SAMed2D_v1.json") : null;
             BufferedWriter csv = format == ExportFormat.MANIFEST ? generated.open("manifest.csv") : null;
             BufferedWriter jsonl = format == ExportFormat.MANIFEST ? generated.open("manifest.jsonl") : null;
             CocoFiles coco = format == ExportFormat.COCO ? new CocoFiles(folder) : null) {
            if (index != null) {
                index.write("{");
            }
            if (csv != null) {
                csv.write(ManifestRows.CSV_HEADER);
            }
            boolean first = true;
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
                    StoredFile imageFile = located(imageFiles.get(image.id()), image.file());
                    FileFacts imageFacts = files.of(imageFile, format);
                    if (coco != null) {
                        String fileName = image.file().substring(image.file().lastIndexOf('/') + 1);
                        plan.write(entry("images/" + fileName, imageFacts, imageFile).line() + "\n");
                        coco.image(image, fileName);
                    }
                    if (format == ExportFormat.SA_MED2D) {
                        plan.write(entry(ROOT + image.file(), imageFacts, imageFile).line() + "\n");
                        index.write((first ? "\n" : ",\n") + "  " + JSON.writeValueAsString(image.file()) + ": [");
                        first = false;
                    }
                    List<String> maskNames = new ArrayList<>();
                    for (long maskId : hit.maskIds()) {
                        MaskRecord mask = masks.get(maskId);
                        if (mask == null) {
                            continue;
                        }
                        StoredFile maskFile = located(maskFiles.get(mask.id()), mask.file());
                        FileFacts maskFacts = files.of(maskFile, format);
                        classes.computeIfAbsent(mask.dataset(), d -> new TreeMap<>()).put(mask.label(), mask.classId());
                        if (format == ExportFormat.SA_MED2D) {
                            plan.write(entry(ROOT + mask.file(), maskFacts, maskFile).line() + "\n");
                            maskNames.add(JSON.writeValueAsString(mask.file()));
                        } else if (coco != null) {
                            byte[] png = maskFacts.bytes();
                            if (png == null) {
                                coco.annotationOfKnownLength(mask);
                            } else {
                                coco.annotation(mask, png);
                            }
                        } else {
                            csv.write(ManifestRows.csv(mask, imageFacts.sha256(), maskFacts.sha256()));
                            jsonl.write(ManifestRows.json(mask, imageFacts.sha256(), maskFacts.sha256()) + "\n");
                        }
                    }
                    if (index != null) {
                        index.write(String.join(", ", maskNames) + "]");
                    }
                    imagesDone++;
                    progress.accept((double) imagesDone / Math.max(1, export.images()));
                }
                cursor = page.next();
            } while (cursor != null);
            if (index != null) {
                index.write("\n}\n");
            }
            if (coco != null) {
                coco.finish();
            }
        }
        if (format == ExportFormat.SA_MED2D) {
            generated.plan("SAMed2D_v1.json", ROOT + "SAMed2D_v1.json");
            generated.write("SAMed2D_v1_class_mapping_id.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(classes) + "\n");
            generated.plan("SAMed2D_v1_class_mapping_id.json", ROOT + "SAMed2D_v1_class_mapping_id.json");
        } else if (format == ExportFormat.COCO) {
            generated.plan("annotations.json", "annotations.json");
        } else {
            generated.plan("manifest.csv", "manifest.csv");
            generated.plan("manifest.jsonl", "manifest.jsonl");
        }
        licences.write(export, datasets, generated);
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
