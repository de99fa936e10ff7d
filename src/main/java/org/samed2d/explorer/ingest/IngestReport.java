package org.samed2d.explorer.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an ingest run did.
 *
 * @param imagesListed images named in {@code SAMed2D_v1.json}
 * @param masksListed masks named there
 * @param imagesAdded images new to the catalog
 * @param masksAdded masks new to the catalog (names phase), less those the geometry pass then rejected
 * @param skippedByReason how many items were left out, per reason
 * @param skipped the items left out (the first {@link #DETAIL_LIMIT}; the counts cover all)
 * @param warning a fault that cut the run short after some items were read (for example a truncated JSON), or null
 */
public record IngestReport(String source, long imagesListed, long masksListed, long imagesAdded, long masksAdded,
                           Map<SkipReason, Long> skippedByReason, List<SkippedItem> skipped, Duration namesPhase,
                           Duration geometryPhase, @Nullable String warning) {

    public static final int DETAIL_LIMIT = 10_000;

    public long skippedTotal() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
