package org.samed2d.explorer.ingest;

import org.samed2d.explorer.shared.ProgressMeter;
import java.io.IOException;
import org.samed2d.explorer.release.UnsafeEntryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogImport;
import org.samed2d.explorer.catalog.CatalogService;
import org.samed2d.explorer.catalog.FileSource;
import org.samed2d.explorer.catalog.MaskGeometry;
import org.samed2d.explorer.catalog.PendingMask;
import org.samed2d.explorer.ingest.png.DamagedPngException;
import org.samed2d.explorer.ingest.png.MaskPixels;
import org.samed2d.explorer.ingest.png.PngChunks;
import org.samed2d.explorer.ingest.png.NonBinaryMaskException;
import org.samed2d.explorer.ingest.png.UnreadablePngException;
import org.samed2d.explorer.release.ReleaseSource;
import org.samed2d.explorer.release.ReleaseSources;

/**
 * The second phase: decodes every mask the catalog holds without geometry, in id order and in batches, so a killed
 * run resumes where it stopped. Masks that fail (unreadable, damaged, wrong size, non-binary, empty) are removed.
 */
final class GeometryPhase implements AutoCloseable {

    private final CatalogImport catalog;
    private final CatalogService catalogReads;
    private final SkipLog skips;
    private final ProgressMeter meter;
    private final int batchSize;
    private final Map<Integer, ReleaseSource> sources = new HashMap<>();
    private final java.util.Set<Integer> borrowed = new java.util.HashSet<>();
    private long rejected;

    GeometryPhase(CatalogImport catalog, CatalogService catalogReads, SkipLog skips, ProgressMeter meter,
                  int batchSize) {
        this.catalog = catalog;
        this.catalogReads = catalogReads;
        this.skips = skips;
        this.meter = meter;
        this.batchSize = batchSize;
    }

    /** Lets the phase read through a source that is already open instead of reopening it. */
    void use(int sourceId, ReleaseSource source) {
        sources.put(sourceId, source);
        borrowed.add(sourceId);
    }

    long rejected() {
        return rejected;
    }

    void run(long pending) throws IOException {
        meter.start("geometry", pending);
        long after = 0;
        long done = 0;
        while (true) {
            List<PendingMask> batch = catalog.pendingGeometry(after, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            for (PendingMask mask : batch) {
                sourceFor(mask.sourceId());
            }
            List<Outcome> outcomes = batch.parallelStream().map(this::measure).toList();
            List<MaskGeometry> measured = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                MaskGeometry geometry = outcome.geometry();
                if (geometry != null) {
                    measured.add(geometry);
                } else {
                    failed.add(outcome.maskId());
                }
            }
            catalog.completeGeometry(measured, failed);
            rejected += failed.size();
            done += batch.size();
            after = batch.getLast().id();
            meter.update(done, pending > 0 ? (double) done / pending : 1);
        }
    }

    private record Outcome(long maskId, @Nullable MaskGeometry geometry) {
    }

    private Outcome measure(PendingMask mask) {
        ReleaseSource source = sources.get(mask.sourceId());
        try {
            byte[] png = source.read(mask.path(), mask.location());
            // before decoding: a mask cut after its last row, or with a damaged chunk, may still decode
            PngChunks.check(png);
            MaskPixels.Measure m = MaskPixels.measure(png);
            if (m.width() != mask.imageWidth() || m.height() != mask.imageHeight()) {
                return reject(mask, SkipReason.SIZE_MISMATCH, "mask is " + m.width() + "x" + m.height()
                        + ", its image " + mask.imageWidth() + "x" + mask.imageHeight());
            }
            if (m.area() == 0) {
                return reject(mask, SkipReason.EMPTY_MASK, "no foreground pixel");
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(png); // at memory speed: the read is what costs, and an export then reads no mask for it
            return new Outcome(mask.id(), new MaskGeometry(mask.id(), m.area(), m.x0(), m.y0(), m.x1(), m.y1(),
                    m.centroidX(), m.centroidY(), m.cocoCountsChars(), crc.getValue()));
        } catch (DamagedPngException e) {
            return reject(mask, SkipReason.DAMAGED_PNG, e.getMessage());
        } catch (UnreadablePngException e) {
            return reject(mask, SkipReason.UNREADABLE_PNG, e.getMessage());
        } catch (NonBinaryMaskException e) {
            return reject(mask, SkipReason.NON_BINARY_MASK, e.getMessage());
        } catch (UnsafeEntryException e) {
            return reject(mask, SkipReason.UNREADABLE_PNG, e.getMessage());
        } catch (IOException e) {
            return reject(mask, SkipReason.MISSING_FILE, "cannot read: " + e.getMessage());
        }
    }

    private Outcome reject(PendingMask mask, SkipReason reason, String detail) {
        skips.skip(mask.path(), reason, detail);
        return new Outcome(mask.id(), null);
    }

    private void sourceFor(int sourceId) throws IOException {
        if (!sources.containsKey(sourceId)) {
            FileSource source = catalogReads.source(sourceId)
                    .orElseThrow(() -> new IOException("the catalog has no file source " + sourceId));
            sources.put(sourceId, ReleaseSources.reopen(source));
        }
    }

    /** Closes the sources this phase opened itself. */
    @Override
    public void close() throws IOException {
        for (var entry : sources.entrySet()) {
            if (!borrowed.contains(entry.getKey())) {
                entry.getValue().close();
            }
        }
    }
}
