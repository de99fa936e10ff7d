package org.samed2d.explorer.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.samed2d.explorer.export.ExportRecord;
import org.samed2d.explorer.export.ExportRequest;
import org.samed2d.explorer.export.ExportService;
import org.samed2d.explorer.search.IndexBusyException;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.DataSplit;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code export --format F --out FILE [NAME=VALUE ...] [--include-restricted]}: one export, written to a file. */
final class ExportCommand {

    private final PrintStream out;
    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * The whole archive into {@code target}, on disk when this returns (as {@code dd conv=fsync} measures a disk):
     * from a catalog with folder releases while the export is prepared, from archives once it is
     * ({@link ExportService#writeWhilePlanned}); when the plan holds a file whose CRC must first be read, again from
     * the start once it is prepared.
     */
    private void write(ExportService exports, ExportRecord started, Path target) throws IOException,
            InterruptedException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            if (!exports.writeWhilePlanned(started.id(), channel)) {
                out.println("export: some files have no CRC in the catalog yet; writing again once they are read");
                ExportRecord record = exports.awaitPrepared(started.id());
                channel.truncate(0).position(0);
                OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
                exports.download(record.id(), 0, record.bytes() - 1, file);
                file.flush();
            }
            channel.force(true);
        }
    }

    /** Shows a line each second while the export is prepared, and notes when it was (this thread writes). */
    private final class Progress implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService poller = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("export-progress").daemon().factory());
        private final long started;
        private volatile long preparedAt;
        private int polls;

        Progress(ExportService exports, String id, long started) {
            this.started = started;
            // every 50 ms, so that "prepared in" is not rounded up to the next second
            poller.scheduleAtFixedRate(() -> exports.get(id).ifPresent(record -> {
                if (!record.preparing()) {
                    if (preparedAt == 0) {
                        preparedAt = System.nanoTime();
                    }
                } else if (++polls % 20 == 0) {
                    out.printf("export preparing %,d images %3.0f%%%n",
                            Math.round(record.progress() * record.images()), record.progress() * 100);
                }
            }), 0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        /** Seconds from the start until the export was prepared. */
        double preparedSeconds() {
            return ((preparedAt == 0 ? System.nanoTime() : preparedAt) - started) / 1e9;
        }

        @Override
        public void close() {
            poller.shutdownNow();
        }
    }

    int run(String[] args) {
        if (CommandOptions.wantsHelp(args)) {
            out.println("Usage: java -jar sa-med2d-explorer.jar export --format sa-med2d|coco|manifest --out FILE.zip"
                    + " [NAME=VALUE ...] [--include-restricted] [--split val=0.1,test=0.2,by=case|image,seed=1]"
                    + " [--path-prefix /data/liver/] [--categories label|dataset-label]"
                    + "   (NAME=VALUE: the query API's filters)");
            return 0;
        }
        FilterCommandArguments arguments;
        try {
            arguments = FilterCommandArguments.parse(args, Set.of("format", "out", "split", "path-prefix",
                    "categories"), Set.of("include-restricted"));
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage());
            return 2;
        }
        String format = arguments.option("format").orElse(null);
        Path target = arguments.option("out").map(Path::of).orElse(null);
        if (format == null || target == null) {
            err.println("export: --format and --out are required");
            return 2;
        }
        Map<String, List<String>> filter = arguments.filter();
        DataSplit split;
        try {
            split = arguments.option("split").map(DataSplit::parse).orElse(null);
        } catch (InvalidParameterException e) {
            err.println("export: " + e.getMessage());
            return 2;
        }
        boolean includeRestricted = arguments.flags().contains("include-restricted");
        List<String> springArgs = arguments.springArguments();
        try (ConfigurableApplicationContext context = CommandContext.start(springArgs)) {
            context.getBean(SearchService.class).catchUp();
            ExportService exports = context.getBean(ExportService.class);
            long started = System.nanoTime();
            ExportRecord record = exports.startForWriting(new ExportRequest(filter, format, includeRestricted, split,
                    arguments.option("path-prefix").orElse(null), arguments.option("categories").orElse(null)));
            out.printf("export of %,d masks on %,d images started after %.1f s: %s%n", record.masks(), record.images(),
                    (System.nanoTime() - started) / 1e9, record.bytes() == null
                            ? "its size is known once prepared (" + record.state() + ")"
                            : "the archive will be %,d bytes".formatted(record.bytes()));
            double prepared;
            try (Progress progress = new Progress(exports, record.id(), started)) {
                write(exports, record, target);
                prepared = progress.preparedSeconds();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(target); // never leave a partial archive that looks like a whole one
                if (e instanceof IOException && !exports.get(record.id()).map(r -> r.state().equals("done"))
                        .orElse(false)) {
                    err.println("export: failed: " + exports.get(record.id()).map(ExportRecord::error)
                            .orElse(e.getMessage()));
                    return 1;
                }
                throw e;
            }
            double written = (System.nanoTime() - started) / 1e9;
            record = exports.get(record.id()).orElseThrow();
            // from a folder release the archive is written while the export is prepared, from archives after it
            out.printf("Exported %,d masks on %,d images (%s) to %s: %,d bytes; prepared in %.1f s, archive on disk"
                            + " (fsync) %.1f s from the start, %.1f s after preparing (%.1f MB/s)%s; peak heap %,d MB%n",
                    record.masks(), record.images(), record.format(), target, record.bytes(), prepared, written,
                    written - prepared, record.bytes() / 1e6 / Math.max(1e-3, written - prepared),
                    record.excludedDatasets().isEmpty() ? "" : "; left out " + record.excludedDatasets(),
                    CommandContext.peakHeapMegabytes());
            return 0;
        } catch (InvalidParameterException | IndexBusyException e) {
            err.println("export: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("export: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
