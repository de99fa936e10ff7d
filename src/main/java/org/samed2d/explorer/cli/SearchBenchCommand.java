package org.samed2d.explorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
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
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.search.NodeHeap;
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
                    + " [--queries Q (default 300)] [--threads T (default 2)] [--seed S]"
                    + " [--engine lucene|opensearch] [--opensearch-urls http://127.0.0.1:9200,...]"
                    + " [--shards S (default 1)] [--replicas R (default 1)] [--reuse-index yes]"
                    + "   (opensearch also runs the embedded engine on the same masks and filters, for comparison)");
            return 0;
        }
        try {
            CommandOptions options = CommandOptions.parse("bench-search", args);
            long masks = options.number("masks", 1_000_000);
            Path folder = Path.of(options.require("out")).resolve("search-bench-index");
            int queries = (int) options.number("queries", 300);
            int threads = (int) options.number("threads", 2);
            long seed = options.number("seed", 7);
            String engine = options.get("engine", "lucene");
            if (!engine.equals("lucene") && !engine.equals("opensearch")) {
                throw new IllegalArgumentException("--engine: lucene or opensearch, not '" + engine + "'");
            }
            List<URI> urls = engine.equals("opensearch")
                    ? Arrays.stream(options.require("opensearch-urls").split(",")).map(URI::create).toList() : List.of();
            Cluster cluster = new Cluster(urls, (int) options.number("shards", 1), (int) options.number("replicas", 1),
                    options.get("reuse-index", "no").equals("yes"));
            bench(masks, folder, queries, threads, seed, cluster);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("bench-search: " + e.getMessage());
            return 2;
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            err.println("bench-search: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Where the OpenSearch run goes; no URLs: the embedded engine only. With {@code reuse}, the cluster's index from
     * an earlier run of the same size and seed is searched again rather than rebuilt (for trying query changes).
     */
    private record Cluster(List<URI> urls, int shards, int replicas, boolean reuse) {
    }

    /** The filters every engine is timed on, drawn once. */
    private record Filters(List<MaskFilter> facets, List<MaskFilter> pages, List<MaskFilter> byArea,
                           List<MaskFilter> inReleaseOrder) {
    }

    private void bench(long masks, Path folder, int queries, int threads, long seed, Cluster cluster)
            throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
        wipe(folder);
        Files.createDirectories(folder);
        SyntheticCatalog catalog = new SyntheticCatalog(seed);
        QueryMix mix = new QueryMix(catalog, seed);
        List<MaskFilter> warmUp = mix.take(30);
        Filters filters = new Filters(mix.take(queries), mix.take(queries), mix.take(queries),
                mix.take(queries));
        try (BenchIndex search = BenchIndex.lucene(folder, threads)) {
            out.println("-- embedded engine (Lucene)");
            long started = System.nanoTime();
            long written = build(search, catalog, masks, threads, seed);
            search.publish(written);
            double buildSeconds = (System.nanoTime() - started) / 1e9;
            out.printf("Index: %,d masks in %.1f s (%,.0f masks/s), %,d MB on disk%n", written, buildSeconds,
                    written / buildSeconds, search.sizeOnDisk() >> 20);

            started = System.nanoTime();
            search.counts(MaskFilter.ALL);
            out.printf("First query after opening (loads facet columns): %.0f ms%n", (System.nanoTime() - started) / 1e6);
            warmUp.forEach(search::facets);
            long[] facets = time(filters.facets(), search::facets);
            long[] warmPages = time(filters.facets(), filter -> search.firstPage(filter, MaskSort.ID, 100));
            long[] coldPages = time(filters.pages(), filter -> search.firstPage(filter, MaskSort.ID, 100));
            long[] areaPages = time(filters.byArea(), filter -> search.firstPage(filter, MaskSort.AREA_DESCENDING, 100));
            long[] releasePages = time(filters.inReleaseOrder(), filter -> search.firstPage(filter, MaskSort.RELEASE, 100));
            report("counts+facets (each filter new)", facets);
            report("first page, total already counted", warmPages);
            report("first page, cold (counts the total too)", coldPages);
            report("first page by -area, cold", areaPages);
            report("first page in release order, cold", releasePages);
            System.gc();
            long live = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            out.printf("Heap: limit %,d MB, live after GC with the index open %,d MB, old generation peak %,d MB%n",
                    Runtime.getRuntime().maxMemory() >> 20, live >> 20, oldGenerationPeakMegabytes());
            if (!cluster.urls().isEmpty()) {
                benchOpenSearch(search, catalog, masks, threads, seed, cluster, warmUp, filters);
            }
        }
        wipe(folder);
    }

    /**
     * The same masks and filters on the cluster: build rate, counts+facets with the request cache off (cold) and
     * on, the one-aggregation-per-dimension form beside them, first pages; and every answer checked against the
     * embedded engine's.
     */
    private void benchOpenSearch(BenchIndex lucene, SyntheticCatalog catalog, long masks, int threads, long seed,
                                 Cluster cluster, List<MaskFilter> warmUp, Filters filters)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        out.printf("-- OpenSearch, %d node URLs, %d shard(s), %d replica(s)%n", cluster.urls().size(), cluster.shards(),
                cluster.replicas());
        String index = "bench-search";
        try (BenchIndex writer = BenchIndex.openSearch(cluster.urls(), index, cluster.shards(), cluster.replicas(), true);
             BenchIndex cold = BenchIndex.openSearch(cluster.urls(), index, cluster.shards(), cluster.replicas(), false)) {
            long indexed = cluster.reuse() ? cold.counts(MaskFilter.ALL).masks() : 0;
            if (cluster.reuse() && indexed == lucene.counts(MaskFilter.ALL).masks()) {
                out.printf("Index: %,d masks, from an earlier run (--reuse-index)%n", indexed);
            } else {
                long started = System.nanoTime();
                long written = build(writer, catalog, masks, threads, seed);
                double bulkSeconds = (System.nanoTime() - started) / 1e9;
                writer.publish(written);
                double buildSeconds = (System.nanoTime() - started) / 1e9;
                out.printf("Index: %,d masks in %.1f s (%,.0f masks/s; bulk writes %.1f s, then refresh, replica "
                        + "copy and alias swap %.1f s)%n", written, buildSeconds, written / buildSeconds, bulkSeconds,
                        buildSeconds - bulkSeconds);
            }
            long started = System.nanoTime();
            cold.counts(MaskFilter.ALL);
            out.printf("First query after the build: %.0f ms%n", (System.nanoTime() - started) / 1e6);
            warmUp.forEach(cold::facets);

            int identical = 0;
            int perDimensionIdentical = 0;
            for (MaskFilter filter : filters.facets()) {
                FacetCounts expected = lucene.facets(filter);
                identical += cold.facets(filter).equals(expected) ? 1 : 0;
                perDimensionIdentical += cold.facetsPerDimension(filter).equals(expected) ? 1 : 0;
            }
            out.printf("Exact: counts, distinct images, facets and histogram identical to the embedded engine's for "
                    + "%d/%d filters (cells form), %d/%d (one aggregation per dimension)%n", identical,
                    filters.facets().size(), perDimensionIdentical, filters.facets().size());

            long[] perDimension = time(filters.facets(), cold::facetsPerDimension);
            long[] cells = time(filters.facets(), cold::facets);
            // as deployed: the request cache on, each form warmed on the warm-up filters only, so that every timed
            // filter is new to it and only bodies that do not depend on the new filter's values can be cached
            writer.clearRequestCache();
            warmUp.forEach(writer::facetsPerDimension);
            long[] perDimensionNew = time(filters.facets(), writer::facetsPerDimension);
            writer.clearRequestCache();
            warmUp.forEach(writer::facets);
            long[] cellsNew = time(filters.facets(), writer::facets);
            writer.facets(MaskFilter.ALL);
            filters.facets().forEach(writer::facets);
            long[] cached = time(filters.facets(), writer::facets);
            long[] coldPages = time(filters.pages(), filter -> cold.firstPage(filter, MaskSort.ID, 100));
            long[] areaPages = time(filters.byArea(), filter -> cold.firstPage(filter, MaskSort.AREA_DESCENDING, 100));
            long[] releasePages = time(filters.inReleaseOrder(), filter -> cold.firstPage(filter, MaskSort.RELEASE, 100));
            filters.pages().forEach(filter -> writer.firstPage(filter, MaskSort.ID, 100));
            long[] cachedPages = time(filters.pages(), filter -> writer.firstPage(filter, MaskSort.ID, 100));
            report("counts+facets, one aggregation per dimension, cold", perDimension);
            report("counts+facets, cells, cold", cells);
            report("counts+facets, per dimension, cache on, each filter new", perDimensionNew);
            report("counts+facets, cells, cache on, each filter new", cellsNew);
            report("counts+facets, cells, request cache warm", cached);
            report("first page, cold (counts the total too)", coldPages);
            report("first page by -area, cold", areaPages);
            report("first page in release order, cold", releasePages);
            report("first page, request cache warm", cachedPages);
            out.printf("cells vs one aggregation per dimension, p50: %.1fx faster cold, %.1fx with the cache on and "
                    + "each filter new%n", percentile(perDimension, 0.5) / percentile(cells, 0.5),
                    percentile(perDimensionNew, 0.5) / percentile(cellsNew, 0.5));
            for (NodeHeap heap : cold.nodeHeaps()) {
                out.printf("OpenSearch %s: heap limit %,d MB, old generation %,d MB after its latest collection, "
                        + "peak %,d MB since the node started%n", heap.node(), heap.maxBytes() >> 20,
                        heap.oldAfterGcBytes() >> 20, heap.oldPeakBytes() >> 20);
            }
        }
        out.printf("Bench JVM: RSS %,d MB (the cluster's nodes are other processes)%n", residentMegabytes());
    }

    /** This process's resident memory, from /proc (Linux). */
    private static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
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
                    List<IndexedMask> batch = new ArrayList<>(BATCH + 16);
                    catalog.emit(from, count, seed, mask -> {
                        // batches end between images: an image document is made from its masks in one batch
                        if (batch.size() >= BATCH && batch.getLast().imageId() != mask.imageId()) {
                            flush(search, batch, written);
                        }
                        batch.add(mask);
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
        out.printf("%-50s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d queries)%n", what,
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
