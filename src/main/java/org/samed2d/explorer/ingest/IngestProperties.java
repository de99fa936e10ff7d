package org.samed2d.explorer.ingest;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingest tuning.
 *
 * @param batchMasks masks per catalog transaction in the names phase (larger is faster, smaller commits sooner)
 * @param geometryBatch masks decoded per transaction in the geometry pass
 * @param resumeOnStart whether the portal finishes an interrupted geometry pass when it starts
 * @param roots folders under which admins may start an ingest through the API or the portal (none: only the
 *              command line ingests); nothing outside them is read on a request's behalf
 */
@ConfigurationProperties("explorer.ingest")
record IngestProperties(@DefaultValue("20000") int batchMasks, @DefaultValue("2000") int geometryBatch,
                        @DefaultValue("true") boolean resumeOnStart, @DefaultValue List<Path> roots) {
}
