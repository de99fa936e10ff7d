package org.samed2d.explorer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive an export writes into a file from many threads, each group of entries at its planned offset, is byte
 * for byte the one a download streams in order; a failed read fails the whole write, and no write lands after it.
 */
class ParallelArchiveWriterTest {

    @TempDir
    Path folder;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    /** Generated files (5.6 kB) and the central directory (about 70 kB) are copied in parts of this many bytes. */
    private static final long PART = 1000;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A catalogued file's bytes, made from its name: {@code n<number>} gives number % 5000 bytes. */
    private static byte[] bytesOf(String ref) {
        int number = Integer.parseInt(ref.substring(1));
        byte[] bytes = new byte[number * 7919 % 5000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (number + i * 31);
        }
        return bytes;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /**
     * Catalogued files read on the pool, and generated files of the export folder; a failing one, and after it ones
     * whose reads are held once it has failed until the file has been looked at (or a second has passed, which is
     * what a writer that waits for them, as it must, leaves them), so that a writer returning early is caught.
     */
    private static final class MadeFiles implements ArchiveStreamer.EntrySource {
        private final Path folder;
        private final String failing;
        private final String heldFrom;
        private final java.util.concurrent.CountDownLatch failed = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch lookedAt = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.atomic.AtomicBoolean waitedOut = new java.util.concurrent.atomic.AtomicBoolean();

        MadeFiles(Path folder, String failing, String heldFrom) {
            this.folder = folder;
            this.failing = failing;
            this.heldFrom = heldFrom;
        }

        @Override
        public List<java.nio.ByteBuffer> read(List<PlannedEntry> run) throws IOException {
            List<java.nio.ByteBuffer> all = new ArrayList<>();
            for (PlannedEntry entry : run) {
                if (entry.ref().equals(failing)) {
                    failed.countDown();
                    throw new IOException(entry.name() + " cannot be read");
                }
                if (heldFrom != null && Integer.parseInt(entry.ref().substring(1))
                        > Integer.parseInt(heldFrom.substring(1))) {
                    try {
                        // the reads held when the writer sees the failure wait; once they waited out the second,
                        // the writer is known to wait for them, and the rest need not (they would take a minute)
                        if (!waitedOut.get() && failed.await(30, TimeUnit.SECONDS)
                                && !lookedAt.await(1, TimeUnit.SECONDS)) {
                            waitedOut.set(true);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                all.add(java.nio.ByteBuffer.wrap(bytesOf(entry.ref())));
            }
            return all;
        }

        @Override
        public InputStream open(PlannedEntry entry) throws IOException {
            return Files.newInputStream(folder.resolve(entry.ref()));
        }

        @Override
        public java.nio.channels.ReadableByteChannel channel(PlannedEntry entry, long from) throws IOException {
            return FileChannel.open(folder.resolve(entry.ref())).position(from);
        }
    }

    /** 1,000 catalogued files with two generated files among them and one at the end. */
    private Path plan(boolean onePending) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            if (i == 400 || i == 401) {
                byte[] generated = ("generated " + i + "\n").repeat(i).getBytes();
                Files.write(folder.resolve("list" + i + ".json"), generated);
                lines.add(PlannedEntry.stored("SAMed2Dv1/list" + i + ".json", generated.length, crc(generated),
                        "file", "list" + i + ".json").line());
            }
            byte[] bytes = bytesOf("n" + i);
            long crc = onePending && i == 700 ? PlannedEntry.PENDING : crc(bytes);
            lines.add(PlannedEntry.stored("SAMed2Dv1/masks/m" + i + ".png", bytes.length, crc, "stored", "n" + i)
                    .line());
        }
        byte[] last = "{\"last\": true}".getBytes();
        Files.write(folder.resolve("last.json"), last);
        lines.add(PlannedEntry.stored("SAMed2Dv1/last.json", last.length, crc(last), "file", "last.json").line());
        Path plan = folder.resolve("plan.tsv");
        Files.write(plan, lines);
        return plan;
    }

    private Path writeInParallel(Path plan, ArchiveStreamer.EntrySource source) throws IOException {
        Path archive = folder.resolve("archive.zip");
        try (FileChannel target = FileChannel.open(archive, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ParallelArchiveWriter.write(PlanEntries.open(plan), plan, target, source, pool, 7, PART);
        }
        return archive;
    }

    @Test
    void the_archive_written_from_many_threads_is_the_one_a_download_streams() throws Exception {
        Path plan = plan(false);
        ArchiveStreamer.EntrySource source = new MadeFiles(folder, "", null);

        Path archive = writeInParallel(plan, source);

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        ArchiveStreamer.write(plan, 0, ArchiveStreamer.length(plan) - 1, streamed, source, pool);
        assertThat(Files.size(archive)).as("the planned length").isEqualTo(ArchiveStreamer.length(plan));
        assertThat(Files.readAllBytes(archive)).isEqualTo(streamed.toByteArray());
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            assertThat(entries).hasSize(1003);
            for (ZipEntry entry : entries) {
                byte[] read = zip.getInputStream(entry).readAllBytes(); // java.util.zip checks each CRC
                if (entry.getName().startsWith("SAMed2Dv1/masks/m")) {
                    String number = entry.getName().replaceAll(".*/m(\\d+)\\.png", "$1");
                    assertThat(read).as(entry.getName()).isEqualTo(bytesOf("n" + number));
                }
            }
        }
    }

    @Test
    void a_read_that_fails_fails_the_write_and_no_group_writes_after_it_returns() throws Exception {
        Path plan = plan(false);
        MadeFiles files = new MadeFiles(folder, "n300", "n300");
        Path archive = folder.resolve("archive.zip");
        // the file stays open, as the export command keeps it to write the archive again after a pending CRC
        try (FileChannel target = FileChannel.open(archive, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {

            assertThatThrownBy(() -> ParallelArchiveWriter.write(PlanEntries.open(plan), plan, target, files, pool, 7,
                    PART))
                    .isInstanceOf(IOException.class).hasMessageContaining("SAMed2Dv1/masks/m300.png cannot be read");

            byte[] whenFailed = Files.readAllBytes(archive);
            files.lookedAt.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readAllBytes(archive)).as("the file once every task has ended").isEqualTo(whenFailed);
        }
    }

    @Test
    void an_entry_whose_crc_is_still_to_be_read_stops_the_write() throws Exception {
        Path plan = plan(true);

        assertThatThrownBy(() -> writeInParallel(plan, new MadeFiles(folder, "", null)))
                .isInstanceOf(ArchiveStreamer.CrcPendingException.class)
                .hasMessageContaining("SAMed2Dv1/masks/m700.png");
    }

    @Test
    void a_plan_of_generated_files_only_is_written_whole() throws Exception {
        byte[] json = "{}".getBytes();
        Files.write(folder.resolve("only.json"), json);
        Path plan = folder.resolve("plan.tsv");
        Files.writeString(plan, PlannedEntry.stored("only.json", json.length, crc(json), "file", "only.json").line()
                + "\n");

        Path archive = writeInParallel(plan, new MadeFiles(folder, "", null));

        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.getInputStream(zip.getEntry("only.json")).readAllBytes()).isEqualTo(json);
        }
    }
}
