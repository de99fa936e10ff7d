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
 */
public record ExportRecord(String id, String format, String state, long masks, long images, @Nullable Long bytes,
                           double progress, @Nullable Long etaSeconds, Instant created, @Nullable String error,
                           Map<String, List<String>> filter, boolean includeRestricted,
                           List<String> excludedDatasets, long catalogVersion,
                           @Nullable String owner) {

    /** Exports are their owner's; admins see every one. */
    public boolean visibleTo(String username, boolean admin) {
        return admin || username.equals(owner);
    }

    ExportRecord with(String newState, double newProgress, @Nullable Long eta, @Nullable Long newBytes,
                      @Nullable String newError) {
        return new ExportRecord(id, format, newState, masks, images, newBytes, newProgress, eta, created, newError,
                filter, includeRestricted, excludedDatasets, catalogVersion, owner);
    }
}
