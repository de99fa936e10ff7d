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
}
