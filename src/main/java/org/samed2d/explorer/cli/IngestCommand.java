package org.samed2d.explorer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.samed2d.explorer.catalog.CatalogService;
import org.samed2d.explorer.catalog.CatalogStats;
import org.samed2d.explorer.ingest.IngestFailedException;
import org.samed2d.explorer.ingest.IngestReport;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.ingest.SkipReason;
import org.samed2d.explorer.ingest.SkippedItem;
import org.samed2d.explorer.shared.Progress;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code ingest PATH}: runs one ingest with a progress line, then prints the report. */
final class IngestCommand {

    private static final int DETAIL_LINES = 200;
    private final PrintStream out;
    private final PrintStream err;

    IngestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        List<String> paths = new ArrayList<>();
        List<String> springArgs = CommandContext.defaultArguments();
        for (String arg : args) {
            if (arg.equals("--help")) {
                out.println("Usage: java -jar sa-med2d-explorer.jar ingest PATH [--explorer.data-dir=DIR]");
                return 0;
            }
            (arg.startsWith("--") ? springArgs : paths).add(arg);
        }
        if (paths.size() != 1) {
            err.println("ingest: name exactly one release folder or .zip (got " + paths.size() + ")");
            return 2;
        }
        Path path = Path.of(paths.getFirst());
        try (ConfigurableApplicationContext context = CommandContext.start(springArgs)) {
            IngestService ingest = context.getBean(IngestService.class);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            ticker.scheduleAtFixedRate(() -> printProgress(ingest.status()), 1, 2, TimeUnit.SECONDS);
            try {
                IngestReport report = ingest.ingest(path);
                ticker.shutdownNow();
                printReport(report, context.getBean(CatalogService.class).stats());
                return 0;
            } catch (IngestFailedException e) {
                ticker.shutdownNow();
                err.println("ingest: nothing could be read: " + e.getMessage());
                return 1;
            }
        }
    }

    private static double seconds(java.time.Duration duration) {
        return Math.max(1e-3, duration.toNanos() / 1e9);
    }

    private void printProgress(Progress progress) {
        if (progress.running()) {
            out.println(progress.line("masks"));
        }
    }

    private void printReport(IngestReport report, CatalogStats stats) {
        out.printf("Ingested %s%n", report.source());
        out.printf("  listed:  %,d images, %,d masks%n", report.imagesListed(), report.masksListed());
        out.printf("  added:   %,d images, %,d masks (names %.1f s, geometry %.1f s)%n", report.imagesAdded(),
                report.masksAdded(), report.namesPhase().toMillis() / 1000.0,
                report.geometryPhase().toMillis() / 1000.0);
        out.printf("  rates:   names %,.0f masks/s, geometry %,.0f masks/s; peak heap %,d MB%n",
                report.masksListed() / seconds(report.namesPhase()),
                report.masksListed() / seconds(report.geometryPhase()), CommandContext.peakHeapMegabytes());
        out.printf("  skipped: %,d items%n", report.skippedTotal());
        for (Map.Entry<SkipReason, Long> entry : report.skippedByReason().entrySet()) {
            out.printf("    %-36s %,d%n", entry.getKey().text(), entry.getValue());
        }
        List<SkippedItem> items = report.skipped();
        for (SkippedItem item : items.subList(0, Math.min(items.size(), DETAIL_LINES))) {
            out.printf("    %s: %s (%s)%n", item.file(), item.reason().text(), item.detail());
        }
        if (report.skippedTotal() > DETAIL_LINES) {
            out.printf("    ... %,d more%n", report.skippedTotal() - DETAIL_LINES);
        }
        if (report.warning() != null) {
            out.println("  warning: " + report.warning());
        }
        out.printf("Catalog now: %,d images, %,d masks, %,d datasets, %,d modalities, %,d labels%n", stats.images(),
                stats.masks(), stats.datasets(), stats.modalities(), stats.labels());
    }
}
