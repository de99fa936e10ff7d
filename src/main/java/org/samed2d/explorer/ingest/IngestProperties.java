package org.samed2d.explorer.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingest tuning.
 *
 * @param batchMasks masks per catalog transaction in the names phase (larger is faster, smaller commits sooner)
 * @param geometryBatch masks decoded per transaction in the geometry pass
 * @param resumeOnStart whether the portal finishes an interrupted geometry pass when it starts
 */
@ConfigurationProperties("explorer.ingest")
record IngestProperties(@DefaultValue("20000") int batchMasks, @DefaultValue("2000") int geometryBatch,
                        @DefaultValue("true") boolean resumeOnStart) {
}
