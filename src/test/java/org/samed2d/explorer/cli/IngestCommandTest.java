package org.samed2d.explorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

    @Test
    void exits_non_zero_with_a_one_line_reason_when_nothing_can_be_read(@TempDir Path temp) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(new String[] {"ingest", temp.resolve("missing").toString(),
                "--explorer.data-dir=" + temp.resolve("data")}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("ingest: nothing could be read: ")
                .contains("missing: no such file or folder")
                .doesNotContain("\n");
    }

    @Test
    void refuses_unknown_commands_with_usage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLine.run(new String[] {"ingset"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'ingset'").contains("Usage:");
    }

    @Test
    void split_sizes_are_read_with_units_and_checked() {
        assertThat(GenerateCommand.parseSize("64k")).isEqualTo(65536);
        assertThat(GenerateCommand.parseSize("3g")).isEqualTo(3L << 30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GenerateCommand.parseSize("1k"))
                .hasMessageContaining("--split-zip must be between 64k and 4g");
    }
}
