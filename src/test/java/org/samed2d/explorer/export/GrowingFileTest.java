package org.samed2d.explorer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan read while it is walked: every byte, in order, and the end only once the walk says it is done. */
class GrowingFileTest {

    @TempDir
    Path folder;

    @Test
    void a_reader_waits_at_the_end_for_more_until_the_writer_is_done() throws Exception {
        Path plan = folder.resolve("plan.tsv");
        AtomicBoolean done = new AtomicBoolean();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(30); // the file does not exist yet when reading starts
                try (OutputStream out = Files.newOutputStream(plan)) {
                    for (int line = 0; line < 200; line++) {
                        byte[] bytes = ("entry " + line + "\t" + "x".repeat(line) + "\n").getBytes(StandardCharsets.UTF_8);
                        out.write(bytes, 0, bytes.length / 2); // half a line, then the rest a little later
                        out.flush();
                        Thread.sleep(1);
                        out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                        out.flush();
                        expected.write(bytes);
                    }
                }
                try (OutputStream out = Files.newOutputStream(plan, StandardOpenOption.APPEND)) {
                    byte[] tail = "generated\n".getBytes(StandardCharsets.UTF_8); // appended after the walk
                    out.write(tail);
                    expected.write(tail);
                }
                done.set(true);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        byte[] read;
        try (GrowingFile in = new GrowingFile(plan, done::get)) {
            read = in.readAllBytes();
        }
        writer.join();
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(expected.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_plan_never_written_is_an_error_once_the_writer_is_done() {
        assertThatThrownBy(() -> {
            try (GrowingFile in = new GrowingFile(folder.resolve("plan.tsv"), () -> true)) {
                in.readAllBytes();
            }
        }).isInstanceOf(NoSuchFileException.class).hasMessageContaining("never written");
    }
}
