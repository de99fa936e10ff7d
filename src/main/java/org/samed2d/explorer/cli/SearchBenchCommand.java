package org.samed2d.explorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.BenchIndex;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.search.RegionMap;

/**
 * {@code bench-search --masks N --out DIR}: builds a search index of N synthetic masks (metadata only) in DIR, then
 * times a fixed, seeded mix of filters: counts+facets, and the first page of masks. Prints the figures that go into
 * docs/BENCHMARKS.md. Needs no database; the index is built the way the portal builds it from the catalog.
 */
final class SearchBenchCommand {

    private static final int BATCH = 10_000;
    private static final double MASKS_PER_IMAGE = 4.5;

    private final PrintStream out;
    private final PrintStream err;

    SearchBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (CommandOptions.wantsHelp(args)) {
            out.println("Usage: java -Xmx4g -jar sa-med2d-explorer.jar bench-search --masks N --out DIR"
                    + " [--queries Q (default 300)] [--threads T (default 2)] [--seed S]");
            return 0;
        }
        try {
            CommandOptions options = CommandOptions.parse("bench-search", args);
            long masks = options.number("masks", 1_000_000);
            Path folder = Path.of(options.require("out")).resolve("search-bench-index");
            int queries = (int) options.number("queries", 300);
            int threads = (int) options.number("threads", 2);
            long seed = options.number("seed", 7);
            bench(masks, folder, queries, threads, seed);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("bench-search: " + e.getMessage());
            return 2;
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            err.println("bench-search: " + e.getMessage());
            return 1;
        }
    }

    private void bench(long masks, Path folder, int queries, int threads, long seed) throws IOException,
            InterruptedException, java.util.concurrent.ExecutionException {
        wipe(folder);
        Files.createDirectories(folder);
        SyntheticCatalog catalog = new SyntheticCatalog(seed);
        try (BenchIndex search = BenchIndex.lucene(folder, threads)) {
            long started = System.nanoTime();
            long written = build(search, catalog, masks, threads, seed);
            search.publish(written);
            double buildSeconds = (System.nanoTime() - started) / 1e9;
            out.printf("Index: %,d masks in %.1f s (%,.0f masks/s), %,d MB on disk%n", written, buildSeconds,
                    written / buildSeconds, search.sizeOnDisk() >> 20);

            started = System.nanoTime();
            search.counts(MaskFilter.ALL);
            out.printf("First query after opening (loads facet columns): %.0f ms%n", (System.nanoTime() - started) / 1e6);

            QueryMix mix = new QueryMix(catalog, seed);
            for (int i = 0; i < 30; i++) {
                search.facets(mix.next());
            }
            List<MaskFilter> facetFilters = mix.take(queries);
            List<MaskFilter> pageFilters = mix.take(queries);
            long[] facets = time(facetFilters, search::facets);
            long[] warmPages = time(facetFilters, filter -> search.firstPage(filter, MaskSort.ID, 100));
            long[] coldPages = time(pageFilters, filter -> search.firstPage(filter, MaskSort.ID, 100));
            long[] areaPages = time(mix.take(queries), filter -> search.firstPage(filter, MaskSort.AREA_DESCENDING, 100));
            report("counts+facets (each filter new)", facets);
            report("first page, total already counted", warmPages);
            report("first page, cold (counts the total too)", coldPages);
            report("first page by -area, cold", areaPages);
            System.gc();
            long live = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            out.printf("Heap: limit %,d MB, live after GC with the index open %,d MB, old generation peak %,d MB%n",
                    Runtime.getRuntime().maxMemory() >> 20, live >> 20, oldGenerationPeakMegabytes());
        }
        wipe(folder);
    }

    private long build(BenchIndex search, SyntheticCatalog catalog, long masks, int threads, long seed)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        long images = Math.max(1, Math.round(masks / MASKS_PER_IMAGE));
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            long chunk = 50_000;
            for (long first = 1; first <= images; first += chunk) {
                long from = first;
                long count = Math.min(chunk, images - first + 1);
                parts.add(pool.submit(() -> {
                    List<IndexedMask> batch = new ArrayList<>(BATCH);
                    catalog.emit(from, count, seed, mask -> {
                        batch.add(mask);
                        if (batch.size() == BATCH) {
                            flush(search, batch, written);
                        }
                    });
                    flush(search, batch, written);
                    return null;
                }));
            }
            long lastPrint = System.nanoTime();
            for (Future<?> part : parts) {
                part.get();
                if (System.nanoTime() - lastPrint > 5e9) {
                    out.printf("  indexed %,d masks%n", written.get());
                    lastPrint = System.nanoTime();
                }
            }
        } finally {
            pool.shutdown();
        }
        return written.get();
    }

    private static void flush(BenchIndex search, List<IndexedMask> batch, AtomicLong written) {
        search.add(batch);
        written.addAndGet(batch.size());
        batch.clear();
    }

    private static long[] time(List<MaskFilter> filters, java.util.function.Consumer<MaskFilter> query) {
        long[] nanos = new long[filters.size()];
        for (int i = 0; i < nanos.length; i++) {
            long started = System.nanoTime();
            query.accept(filters.get(i));
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private void report(String what, long[] sorted) {
        out.printf("%-42s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d queries)%n", what,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** The peak of the heap pool that holds long-lived data (G1 Old Gen): what the index really keeps. */
    private static long oldGenerationPeakMegabytes() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().contains("Old Gen"))
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static void wipe(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.walk(folder)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Filters as users combine them: mostly one to three dimensions with one or two values (popular values more
     * often), sometimes an area range, a size range or a word.
     */
    private static final class QueryMix {
        private static final String[] MODALITIES = {"ct", "mr", "x_ray", "ultrasound", "endoscopy", "pet",
                "dermoscopy", "fundus_photography", "microscopy", "histopathology"};
        private final SyntheticCatalog catalog;
        private final SplittableRandom random;
        private final List<String> labels;

        QueryMix(SyntheticCatalog catalog, long seed) {
            this.catalog = catalog;
            this.random = new SplittableRandom(seed * 31 + 1);
            this.labels = catalog.labelNames();
        }

        List<MaskFilter> take(int count) {
            List<MaskFilter> filters = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                filters.add(next());
            }
            return filters;
        }

        MaskFilter next() {
            Map<FacetDimension, SortedSet<String>> values = new EnumMap<>(FacetDimension.class);
            double u = random.nextDouble();
            int dimensions = u < 0.1 ? 0 : u < 0.5 ? 1 : u < 0.8 ? 2 : 3;
            for (int d = 0; d < dimensions; d++) {
                FacetDimension dimension = FacetDimension.values()[random.nextInt(FacetDimension.values().length)];
                SortedSet<String> chosen = values.computeIfAbsent(dimension, k -> new TreeSet<>());
                int count = random.nextDouble() < 0.7 ? 1 : 2;
                for (int v = 0; v < count; v++) {
                    chosen.add(value(dimension));
                }
            }
            MaskFilter.Bounds area = MaskFilter.Bounds.ANY;
            if (random.nextDouble() < 0.25) {
                long min = 1L << random.nextInt(14);
                area = new MaskFilter.Bounds(min, random.nextBoolean() ? null : min * (2 + random.nextInt(64)));
            }
            MaskFilter.Bounds width = random.nextDouble() < 0.1
                    ? new MaskFilter.Bounds(256L + random.nextInt(400), null) : MaskFilter.Bounds.ANY;
            String text = random.nextDouble() < 0.1 ? labels.get(random.nextInt(labels.size())).split("_")[0] : null;
            return new MaskFilter(values, area, width, MaskFilter.Bounds.ANY, MaskFilter.FractionBounds.ANY, text);
        }

        private String value(FacetDimension dimension) {
            return switch (dimension) {
                case MODALITY -> MODALITIES[skewed(MODALITIES.length)];
                case SUBMODALITY -> new String[] {"none", "t1", "t2", "flair", "adc", "dwi", "cbf"}[skewed(7)];
                case DATASET -> catalog.datasetNames().get(skewed(catalog.datasetNames().size()));
                case LABEL -> labels.get(skewed(labels.size()));
                case REGION -> RegionMap.REGIONS.get(random.nextInt(RegionMap.REGIONS.size()));
                case AXIS -> new String[] {"x", "y", "z", "2d"}[random.nextInt(4)];
            };
        }

        /** An index in {@code [0, n)}, small ones more often (users click the big values first). */
        private int skewed(int n) {
            return (int) Math.min(n - 1, Math.floor(n * Math.pow(random.nextDouble(), 2.5)));
        }
    }
}
