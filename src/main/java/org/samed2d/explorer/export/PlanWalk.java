package org.samed2d.explorer.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.catalog.StoredFile;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.DataSplit;

/**
 * One walk of an export's subset in id order, a page of images at a time: each image, then its masks, go to the
 * format's layout and, when it keeps the file, into {@code plan.tsv}; the generated files follow at the end.
 */
final class PlanWalk {

    /** What the plan says of a catalogued file, by format and role; reads the file only if the format needs to. */
    @FunctionalInterface
    interface FactSource {
        FileFacts of(StoredFile file, ExportFormat format, boolean mask) throws IOException;
    }

    private final SearchService search;
    private final CatalogLookup catalog;
    private final LicenceFiles licences;
    private final FactSource files;
    private long pendingCrcs;

    PlanWalk(SearchService search, CatalogLookup catalog, LicenceFiles licences, FactSource files) {
        this.search = search;
        this.catalog = catalog;
        this.licences = licences;
        this.files = files;
    }

    /** Entries planned so far whose CRC is still to be read from their file. */
    long pendingCrcs() {
        return pendingCrcs;
    }

    /**
     * Writes {@code plan.tsv} and the generated files into {@code folder}; returns the archive's length. Progress goes
     * from 0 to 1, or to 0.25 once an entry's CRC is pending (reading the files for it is then most of the work).
     */
    long run(ExportRecord export, MaskFilter filter, Path folder, DoubleConsumer progress, GeneratedFiles generated)
            throws IOException {
        ExportFormat format = ExportFormat.ofParameter(export.format()).orElseThrow();
        TreeSet<String> datasets = new TreeSet<>();
        DataSplit.Assignment split = export.split() == null ? null
                : export.split().assignment(catalog.splitUnits(export.split().byImage()));
        SplitTally tally = split == null ? null : new SplitTally(split);
        long imagesDone = 0;
        ArchiveLength length = new ArchiveLength();
        Map<String, Object> described;
        try (BufferedWriter plan = Files.newBufferedWriter(folder.resolve("plan.tsv"));
             ExportLayout layout = ExportLayout.of(format, export, generated)) {
            try (PlanPages pages = new PlanPages(search, catalog, filter)) {
                for (PlanPages.Page page = pages.first(); page != null; page = pages.next()) {
                    for (ImagePage.ImageHit hit : page.hits().images()) {
                        ImageRecord image = page.images().get(hit.imageId());
                        if (image == null) {
                            continue; // removed since the search saw it
                        }
                        datasets.add(image.dataset());
                        DataSplit.Part part = split == null ? null
                                : split.part(image.dataset(), image.caseName(), image.file());
                        StoredFile imageFile = located(page.imageFiles().get(image.id()), image.file());
                        FileFacts imageFacts = files.of(imageFile, format, false);
                        String imageName = layout.image(image, imageFacts, part);
                        if (imageName != null) {
                            write(plan, entry(imageName, imageFacts, imageFile), length);
                        }
                        int maskCount = 0;
                        for (long maskId : hit.maskIds()) {
                            MaskRecord mask = page.masks().get(maskId);
                            if (mask == null) {
                                continue;
                            }
                            StoredFile maskFile = located(page.maskFiles().get(mask.id()), mask.file());
                            FileFacts maskFacts = files.of(maskFile, format, true);
                            String maskName = layout.mask(mask, maskFacts);
                            if (maskName != null) {
                                write(plan, entry(maskName, maskFacts, maskFile), length);
                            }
                            maskCount++;
                        }
                        layout.endImage();
                        if (tally != null) {
                            tally.image(image, part, maskCount);
                        }
                        imagesDone++;
                        progress.accept((double) imagesDone / Math.max(1, export.images())
                                * (pendingCrcs > 0 ? 0.25 : 1));
                    }
                }
            }
            described = layout.finish(generated);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        if (tally != null) {
            manifest.put("split", tally.manifest());
        }
        manifest.putAll(described);
        licences.write(export, datasets, manifest, generated);
        try (BufferedWriter plan = Files.newBufferedWriter(folder.resolve("plan.tsv"), StandardOpenOption.APPEND)) {
            for (PlannedEntry entry : generated.entries()) {
                write(plan, entry, length);
            }
        }
        return length.bytes();
    }

    private static void write(BufferedWriter plan, PlannedEntry entry, ArchiveLength length) throws IOException {
        plan.write(entry.line());
        plan.write('\n');
        length.add(entry);
    }

    /** A catalogued file copied as its source stores it: an archive entry keeps its method and stored size. */
    private PlannedEntry entry(String name, FileFacts facts, StoredFile file) {
        if (facts.crc() == PlannedEntry.PENDING) {
            pendingCrcs++;
        }
        FileLocation.ArchiveEntry archived = file.location().entry();
        String ref = StoredFileRef.encode(file);
        return archived == null
                ? new PlannedEntry(name, facts.size(), facts.size(), PlannedEntry.STORED, facts.crc(), "raw", ref)
                : new PlannedEntry(name, facts.size(), archived.storedSize(), archived.method(), facts.crc(), "raw",
                        ref);
    }

    private static StoredFile located(@Nullable StoredFile file, String name) throws IOException {
        if (file == null) {
            throw new IOException(name + " is no longer in the catalog");
        }
        return file;
    }
}
