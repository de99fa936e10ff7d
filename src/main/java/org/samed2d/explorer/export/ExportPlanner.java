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
import java.util.TreeMap;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans one export: walks the matching images and masks in id order, reads each file once (CRC for the archive,
 * sha256 for the manifest), writes the generated files into the export folder and the plan ({@code plan.tsv}, one
 * entry per line), so memory stays flat whatever the subset size.
 */
final class ExportPlanner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROOT = "SAMed2Dv1/";

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
                ImagePage page = search.images(filter, 200, cursor);
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
                    byte[] imageBytes = media.read(imageFile).bytes();
                    String imageSha = sha256(imageBytes);
                    if (coco != null) {
                        String fileName = image.file().substring(image.file().lastIndexOf('/') + 1);
                        plan.write(entry("images/" + fileName, imageBytes, imageFile).line() + "\n");
                        coco.image(image, fileName);
                    }
                    if (format == ExportFormat.SA_MED2D) {
                        plan.write(entry(ROOT + image.file(), imageBytes, imageFile).line() + "\n");
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
                        byte[] maskBytes = media.read(maskFile).bytes();
                        classes.computeIfAbsent(mask.dataset(), d -> new TreeMap<>()).put(mask.label(), mask.classId());
                        if (format == ExportFormat.SA_MED2D) {
                            plan.write(entry(ROOT + mask.file(), maskBytes, maskFile).line() + "\n");
                            maskNames.add(JSON.writeValueAsString(mask.file()));
                        } else if (coco != null) {
                            coco.annotation(mask, maskBytes);
                        } else {
                            String maskSha = sha256(maskBytes);
                            csv.write(ManifestRows.csv(mask, imageSha, maskSha));
                            jsonl.write(ManifestRows.json(mask, imageSha, maskSha) + "\n");
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

    private static PlannedEntry entry(String name, byte[] bytes, StoredFile file) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new PlannedEntry(name, bytes.length, crc.getValue(), "stored", StoredFileRef.encode(file));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
