package org.samed2d.explorer.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.cli.CommandLine;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalog the browser journeys run on: the real sample plus a small generated release, for slices and rows. */
final class BrowserCatalog {

    private BrowserCatalog() {
    }

    static void load(JdbcClient jdbc, IngestService ingest, SearchService search) throws Exception {
        new CatalogTestSupport(jdbc).empty();
        Path generated = Path.of(System.getProperty("java.io.tmpdir"), "portal-release");
        if (!Files.isDirectory(generated.resolve("SAMed2Dv1"))) {
            org.assertj.core.api.Assertions.assertThat(CommandLine.run(new String[] {"generate", "--images", "60",
                    "--out", generated.toString(), "--seed", "3"}, System.out, System.err)).isZero();
        }
        ingest.ingest(SampleData.mini());
        ingest.ingest(generated);
        search.rebuild();
    }
}
