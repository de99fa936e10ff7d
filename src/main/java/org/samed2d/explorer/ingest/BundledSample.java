package org.samed2d.explorer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.samed2d.explorer.catalog.CatalogService;
import org.samed2d.explorer.shared.DataRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * When the portal starts: an empty catalog gets the sample that ships inside the application (unpacked under the
 * data directory, since pixels are read in place), masks a killed run left undecoded get their geometry, and archive
 * entries catalogued before the catalog kept their CRC-32 get it from their central directory.
 */
@Component
class BundledSample {

    private static final Logger log = LoggerFactory.getLogger(BundledSample.class);
    private static final String CLASSPATH_ROOT = "sample/";

    private final IngestService ingest;
    private final CatalogService catalog;
    private final DataRoot dataRoot;
    private final boolean sampleEnabled;
    private final boolean resumeOnStart;

    BundledSample(IngestService ingest, CatalogService catalog, DataRoot dataRoot,
                  @Value("${explorer.sample:true}") boolean sampleEnabled,
                  IngestProperties properties) {
        this.ingest = ingest;
        this.catalog = catalog;
        this.dataRoot = dataRoot;
        this.sampleEnabled = sampleEnabled;
        this.resumeOnStart = properties.resumeOnStart();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() throws IOException {
        if (sampleEnabled && catalog.isEmpty()) {
            Path sample = unpack();
            log.info("The catalog is empty: ingesting the bundled sample from {}", sample);
            ingest.ingestInBackground(sample);
        } else if (resumeOnStart) {
            if (catalog.masksWithoutGeometry() > 0) {
                log.info("Resuming the geometry pass an earlier run left unfinished");
            }
            ingest.resumeInBackground();
        }
    }

    /** Copies the sample out of the application into {@code <data-dir>/sample}; files already there are kept. */
    Path unpack() throws IOException {
        Path target = dataRoot.resolve("sample");
        Resource[] resources = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                .getResources("classpath*:" + CLASSPATH_ROOT + "**/*.*");
        for (Resource resource : resources) {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf("/" + CLASSPATH_ROOT);
            if (at < 0) {
                continue;
            }
            Path file = dataRoot.resolve("sample/" + url.substring(at + 1 + CLASSPATH_ROOT.length()));
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
