package org.samed2d.explorer.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.samed2d.explorer.search.IndexBusyException;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code reindex}: rebuilds the search index from the catalog (on either engine), with a progress line. */
final class ReindexCommand {

    private final PrintStream out;
    private final PrintStream err;

    ReindexCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        List<String> springArgs = CommandContext.defaultArguments();
        for (String arg : args) {
            if (arg.equals("--help")) {
                out.println("Usage: java -jar sa-med2d-explorer.jar reindex [--explorer.data-dir=DIR]"
                        + " [--explorer.search.engine=opensearch --explorer.search.opensearch.urls=URL,...]\n"
                        + "  Embedded engine: stop the portal first (it keeps its index up to date itself).\n"
                        + "  OpenSearch: builds a new generation of the indices and moves the aliases to it; portals"
                        + " may keep running and answer from the old one meanwhile.");
                return 0;
            }
            if (!arg.startsWith("--")) {
                err.println("reindex: takes no arguments besides --options, found '" + arg + "'");
                return 2;
            }
            springArgs.add(arg);
        }
        try (ConfigurableApplicationContext context = CommandContext.start(springArgs)) {
            SearchService search = context.getBean(SearchService.class);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            ticker.scheduleAtFixedRate(() -> {
                if (search.status().running()) {
                    out.println(search.status().line("masks"));
                }
            }, 2, 2, TimeUnit.SECONDS);
            long started = System.nanoTime();
            try {
                search.rebuild();
            } finally {
                ticker.shutdownNow();
            }
            MaskCounts counts = search.counts(MaskFilter.ALL);
            out.printf("Indexed %,d masks of %,d images in %.1f s; peak heap %,d MB%n", counts.masks(), counts.images(),
                    (System.nanoTime() - started) / 1e9, CommandContext.peakHeapMegabytes());
            return 0;
        } catch (IndexBusyException e) {
            err.println("reindex: " + e.getMessage());
            return 1;
        }
    }
}
