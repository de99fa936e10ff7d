package org.samed2d.explorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;

@ExplorerTest
class ReindexCommandTest {

    @Test
    void rebuilds_the_index_of_an_ingested_catalog_and_reports_it(@TempDir Path temp) {
        String dataDir = "--explorer.data-dir=" + temp.resolve("data");
        assertThat(CommandLine.run(new String[] {"ingest", SampleData.mini().toString(), dataDir},
                new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = CommandLine.run(new String[] {"reindex", dataDir}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Indexed 30 masks of 4 images");
    }

    @Test
    void refuses_with_one_line_while_the_portal_holds_the_index() {
        // this test's portal runs on the data directory of @ExplorerTest and holds its index open
        String dataDir = "--explorer.data-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "explorer-test-data");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(new String[] {"reindex", dataDir}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("reindex: the search index")
                .contains("in use by another process").doesNotContain("\n");
    }
}
