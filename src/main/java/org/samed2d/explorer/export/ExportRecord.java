package org.samed2d.explorer.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
 */
public record ExportRecord(String id, String format, String state, long masks, long images, @Nullable Long bytes,
                           double progress, @Nullable Long etaSeconds, Instant created, @Nullable String error,
                           Map<String, List<String>> filter, boolean includeRestricted,
                           List<String> excludedDatasets, long catalogVersion,
                           @Nullable String owner, @Nullable Instant archiveTime) {

    /** Exports are their owner's; admins see every one. */
    public boolean visibleTo(String username, boolean admin) {
        return admin || username.equals(owner);
    }

    ExportRecord with(String newState, double newProgress, @Nullable Long eta, @Nullable Long newBytes,
                      @Nullable String newError) {
        return new ExportRecord(id, format, newState, masks, images, newBytes, newProgress, eta, created, newError,
                filter, includeRestricted, excludedDatasets, catalogVersion, owner, archiveTime);
    }

    /** The time the archive states as its creation. */
    Instant stampedAt() {
        return archiveTime == null ? created : archiveTime;
    }

    /** Whether an export of this is the same archive as this one, given the same licence table. */
    boolean sameContentAs(String otherFormat, Map<String, List<String>> otherFilter, boolean otherIncludeRestricted,
                          long otherCatalogVersion) {
        return format.equals(otherFormat) && filter.equals(otherFilter) && includeRestricted == otherIncludeRestricted
                && catalogVersion == otherCatalogVersion && !state.equals("failed");
    }
}
