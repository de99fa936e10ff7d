package org.samed2d.explorer.export;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.shared.DataSplit;

/**
 * What to export.
 *
 * @param filter the query API's filters as parameters
 * @param format {@code sa-med2d}, {@code coco} or {@code manifest}
 * @param includeRestricted also export datasets whose licence forbids redistribution
 * @param split a train/val/test split for the format's files to follow; none for the whole subset as one
 * @param pathPrefix {@code sa-med2d} only: written before {@code SAMed2Dv1/} in the SAM-Med2D files (an absolute
 *                   folder such as {@code /data/liver/}); none for paths relative to where the archive is unzipped
 * @param categories {@code coco} only: {@code label} (the default) or {@code dataset-label}, one category per class
 *                   name of each dataset, since one name can mean different things in different sources
 */
public record ExportRequest(Map<String, List<String>> filter, String format, boolean includeRestricted,
                            @Nullable DataSplit split, @Nullable String pathPrefix, @Nullable String categories) {

    /** An export of the whole subset as one, as before splits existed. */
    public static ExportRequest of(Map<String, List<String>> filter, String format, boolean includeRestricted) {
        return new ExportRequest(filter, format, includeRestricted, null, null, null);
    }

    /** The path prefix as an absolute folder ending in a slash; none when not asked for. */
    @Nullable String checkedPathPrefix(ExportFormat format) {
        if (pathPrefix == null || pathPrefix.isEmpty()) {
            return null;
        }
        if (format != ExportFormat.SA_MED2D) {
            throw new ExportRejectedException("pathPrefix", "only the sa-med2d format writes paths to files");
        }
        if (pathPrefix.length() > 1024 || pathPrefix.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || !(pathPrefix.startsWith("/") || pathPrefix.matches("[A-Za-z]:[\\\\/].*"))) {
            throw new ExportRejectedException("pathPrefix", "must be an absolute folder of at most 1024 characters"
                    + " without control characters, such as /data/liver/");
        }
        return pathPrefix.endsWith("/") || pathPrefix.endsWith("\\") ? pathPrefix : pathPrefix + "/";
    }

    /** COCO categories by dataset and class name, or none for the default, by class name. */
    @Nullable String checkedCategories(ExportFormat format) {
        if (categories == null || categories.equals("label")) {
            return null;
        }
        if (!categories.equals("dataset-label")) {
            throw new ExportRejectedException("categories", "must be 'label' or 'dataset-label', got '"
                    + categories + "'");
        }
        if (format != ExportFormat.COCO) {
            throw new ExportRejectedException("categories", "only the coco format has categories");
        }
        return categories;
    }
}
