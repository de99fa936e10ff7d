package org.samed2d.explorer.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Items left out during one run: exact counts per reason, details up to {@link IngestReport#DETAIL_LIMIT}. */
final class SkipLog {

    private static final Logger log = LoggerFactory.getLogger(SkipLog.class);
    private final Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
    private final List<SkippedItem> items = new ArrayList<>();

    synchronized void skip(String file, SkipReason reason, String detail) {
        counts.merge(reason, 1L, Long::sum);
        if (items.size() < IngestReport.DETAIL_LIMIT) {
            items.add(new SkippedItem(file, reason, detail));
        }
        log.debug("skipped {} ({}): {}", file, reason.text(), detail);
    }

    synchronized Map<SkipReason, Long> counts() {
        return Map.copyOf(counts);
    }

    synchronized List<SkippedItem> items() {
        return List.copyOf(items);
    }
}
