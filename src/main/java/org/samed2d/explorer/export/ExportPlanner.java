package org.samed2d.explorer.export;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.DoubleConsumer;
import java.util.zip.CRC32;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.StoredFile;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;

/**
 * Plans one export ({@link PlanWalk}): the generated files and {@code plan.tsv}, one entry per line, so memory stays
 * flat whatever the subset size. A catalogued file becomes an entry copied as its source stores it (a DEFLATED
 * archive entry stays DEFLATED) with the sizes, method and CRC-32 the catalog has for it. Planning reads pixels only
 * for what the format's own files hold: the manifest's SHA-256 digests and COCO's RLE. A file whose CRC the catalog
 * lacks (one catalogued before the catalog kept it, a mask the geometry pass has not read yet) is planned with its
 * CRC pending, for
 * {@link PendingCrcs} to read.
 *
 * <p>The same walk without reading any file ({@link #size}) gives the archive's exact length from the catalog alone:
 * a ZIP is as long as its names and stored sizes make it, whatever the CRCs, and a manifest row is as long whatever
 * its hex digests say. A COCO annotation's length depends on its mask's RLE, whose length the geometry pass keeps in
 * the catalog.
 */
final class ExportPlanner {

    private static final String UNKNOWN_DIGEST = "0".repeat(64);

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

    /** What a walk planned: the archive's length, and how many entries still need their file read for the CRC. */
    record Planned(long bytes, long pendingCrcs) {
    }

    /**
     * Whether planning this format reads files (the manifest's digests, COCO's RLE), so that its size is worked out
     * by a walk of its own first; a walk that reads none knows the size when it ends.
     */
    static boolean readsFiles(ExportFormat format) {
        return format != ExportFormat.SA_MED2D;
    }

    /**
     * Writes the plan and generated files into {@code folder}. {@code progress} goes from 0 to 1 over the walk, or
     * to 0.25 when files must then be read for their CRC.
     */
    Planned plan(ExportRecord export, MaskFilter filter, Path folder, DoubleConsumer progress) throws IOException {
        PlanWalk walk = new PlanWalk(search, catalog, licences, this::facts);
        long bytes = walk.run(export, filter, folder, progress, GeneratedFiles.writing(folder));
        return new Planned(bytes, walk.pendingCrcs());
    }

    /**
     * The length the archive will have, from the catalog alone, without reading a file; empty for a COCO export of
     * masks measured before the catalog kept their RLE length. Works in {@code scratch}, which it empties again.
     */
    OptionalLong size(ExportRecord export, MaskFilter filter, Path scratch) throws IOException {
        java.nio.file.Files.createDirectories(scratch);
        try {
            return OptionalLong.of(new PlanWalk(search, catalog, licences, ExportPlanner::declared)
                    .run(export, filter, scratch, progress -> { }, GeneratedFiles.counting(scratch)));
        } catch (CocoFiles.SizeUnknownException e) {
            return OptionalLong.empty();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(scratch);
        }
    }

    /**
     * What the catalog says of a file, reading it only when the format's files need its bytes: the manifest lists
     * both files' digests, COCO encodes each mask's RLE. The archive's own CRCs never make a file read here.
     */
    private FileFacts facts(StoredFile file, ExportFormat format, boolean mask) throws IOException {
        if (format == ExportFormat.MANIFEST || (format == ExportFormat.COCO && mask)) {
            return read(file, format);
        }
        Long crc = file.location().crc();
        return new FileFacts(file.location().byteSize(), crc == null ? PlannedEntry.PENDING : crc, "", null);
    }

    private FileFacts read(StoredFile file, ExportFormat format) throws IOException {
        byte[] bytes = media.read(file).bytes();
        if (bytes.length != file.location().byteSize()) {
            throw new IOException(file.releasePath() + " in " + file.source().location() + " is now " + bytes.length
                    + " bytes; the catalog recorded " + file.location().byteSize());
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        // hashing every file costs as much as reading it again; only the manifest lists digests
        return new FileFacts(bytes.length, crc.getValue(), format == ExportFormat.MANIFEST ? sha256(bytes) : "",
                bytes);
    }

    private static FileFacts declared(StoredFile file, ExportFormat format, boolean mask) {
        return new FileFacts(file.location().byteSize(), 0, UNKNOWN_DIGEST, null);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
