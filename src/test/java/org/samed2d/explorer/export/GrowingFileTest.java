package org.samed2d.explorer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
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
        FutureTask<byte[]> reading = new FutureTask<>(() -> {
            try (GrowingFile in = new GrowingFile(plan, done::get)) {
                return in.readAllBytes();
            }
        });
        Thread reader = Thread.ofPlatform().start(reading);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();

        waitingForMore(reader); // the file does not exist yet
        try (OutputStream out = Files.newOutputStream(plan)) {
            for (int line = 0; line < 20; line++) {
                byte[] bytes = ("entry " + line + "\t" + "x".repeat(line) + "\n").getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length / 2); // half a line, then the rest once the reader has read it
                out.flush();
                waitingForMore(reader);
                out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                out.flush();
                expected.write(bytes);
            }
        }
        waitingForMore(reader);
        try (OutputStream out = Files.newOutputStream(plan, StandardOpenOption.APPEND)) {
            byte[] tail = "generated\n".getBytes(StandardCharsets.UTF_8); // appended after the walk
            out.write(tail);
            expected.write(tail);
        }
        done.set(true);

        byte[] read = reading.get(10, TimeUnit.SECONDS);
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(expected.toString(StandardCharsets.UTF_8));
    }

    /** The reader has read all there is and waits for more (it sleeps between looks). */
    private static void waitingForMore(Thread reader) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                .until(() -> reader.getState() == Thread.State.TIMED_WAITING);
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
