package org.samed2d.explorer.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.shared.DataSplit;

/**
 * An export as users see it and as it is kept on disk ({@code export.json}).
 *
 * @param state {@code queued}, {@code running} (planning the archive), {@code done} (downloadable) or {@code failed}
 * @param bytes the archive's exact length, known once planned
 * @param filter the filter as query parameters, after leaving out datasets that may not be redistributed
 * @param excludedDatasets datasets the filter matched but which were left out (not redistributable)
 * @param catalogVersion the catalog's change number when the export was planned
 * @param owner the account that started it; none for exports made before accounts existed
 * @param archiveTime the creation time written into the archive's {@code manifest.json}: that of the first export of
 *                    the same filter, format and catalog version, so that repeating an export gives the same bytes;
 *                    none for exports made before it was kept (their own creation time is used)
 * @param split the train/val/test split its files follow; none for a plain export
 * @param pathPrefix what the {@code sa-med2d} format's SAM-Med2D files put before {@code SAMed2Dv1/}; none for
 *                   paths relative to the folder the archive is unzipped into
 * @param categories COCO categories by {@code label} (none: the default) or by {@code dataset-label}
 */
public record ExportRecord(String id, String format, String state, long masks, long images, @Nullable Long bytes,
                           double progress, @Nullable Long etaSeconds, Instant created, @Nullable String error,
                           Map<String, List<String>> filter, boolean includeRestricted,
                           List<String> excludedDatasets, long catalogVersion,
                           @Nullable String owner, @Nullable Instant archiveTime, @Nullable DataSplit split,
                           @Nullable String pathPrefix, @Nullable String categories) {

    /** Whether it is still waiting to be prepared or being prepared. */
    public boolean preparing() {
        return state.equals("queued") || state.equals("running");
    }

    /** Exports are their owner's; admins see every one. */
    public boolean visibleTo(String username, boolean admin) {
        return admin || username.equals(owner);
    }

    ExportRecord with(String newState, double newProgress, @Nullable Long eta, @Nullable Long newBytes,
                      @Nullable String newError) {
        return new ExportRecord(id, format, newState, masks, images, newBytes, newProgress, eta, created, newError,
                filter, includeRestricted, excludedDatasets, catalogVersion, owner, archiveTime, split, pathPrefix,
                categories);
    }

    /** The time the archive states as its creation. */
    Instant stampedAt() {
        return archiveTime == null ? created : archiveTime;
    }

    /** Whether {@code other} is the same archive as this one, given the same licence table. */
    boolean sameContentAs(ExportRecord other) {
        return format.equals(other.format) && filter.equals(other.filter)
                && includeRestricted == other.includeRestricted && catalogVersion == other.catalogVersion
                && Objects.equals(split, other.split) && Objects.equals(pathPrefix, other.pathPrefix)
                && Objects.equals(categories, other.categories) && !state.equals("failed");
    }

    /** The same export stamped with another creation time for its archive. */
    ExportRecord stamped(Instant time) {
        return new ExportRecord(id, format, state, masks, images, bytes, progress, etaSeconds, created, error, filter,
                includeRestricted, excludedDatasets, catalogVersion, owner, time, split, pathPrefix, categories);
    }
}
