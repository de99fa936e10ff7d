package org.samed2d.explorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench-load}: many REST clients against a running portal for a fixed time, a seeded mix of counts, facets,
 * pages of masks and images, thumbnails and original PNGs with filters drawn from the catalog's own facets. Prints
 * latency percentiles per kind and every error. Optionally runs an export and a stream of segmentations at the same
 * time (to see browsing stay responsive), and samples heap and open files from actuator (an admin token).
 */
final class LoadBenchCommand {

    static final String USAGE = """
            Usage: java -jar sa-med2d-explorer.jar bench-load [--url http://localhost:8080] [--clients 50] [--seconds 60]
                   [--token TOKEN] [--with-jobs true] [--metrics-every SECONDS] [--seed S]
              --token      sent as Bearer; an admin token also allows --with-jobs and --metrics-every
              --with-jobs  start a full sa-med2d export and one client segmenting images throughout""";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> KINDS = List.of("counts", "facets", "masks", "images", "thumbnail", "png");
    private static final int[] WEIGHTS = {25, 20, 20, 10, 15, 10};

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String base = "";
    private @Nullable String token;

    LoadBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (CommandOptions.wantsHelp(args)) {
            out.println(USAGE);
            return 0;
        }
        try {
            CommandOptions options = CommandOptions.parse("bench-load", args);
            base = options.get("url", "http://localhost:8080").replaceAll("/$", "");
            token = options.get("token", "").isEmpty() ? null : options.get("token", "");
            int clients = (int) options.number("clients", 50);
            long seconds = options.number("seconds", 60);
            boolean jobs = Boolean.parseBoolean(options.get("with-jobs", "false"));
            long metricsEvery = options.number("metrics-every", 0);
            return load(clients, seconds, jobs, metricsEvery, options.number("seed", 11));
        } catch (IllegalArgumentException e) {
            err.println("bench-load: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("bench-load: cannot reach " + base + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** What the clients pick from: facet values and some image and mask ids. */
    private record Catalog(Map<String, List<String>> values, List<Long> images, List<Long> masks) {
    }

    private int load(int clients, long seconds, boolean jobs, long metricsEvery, long seed)
            throws IOException, InterruptedException {
        Catalog catalog = catalog();
        out.printf("bench-load: %d clients for %d s against %s (%d facet values, %d images, %d masks to draw from)%n",
                clients, seconds, base, catalog.values().values().stream().mapToInt(List::size).sum(),
                catalog.images().size(), catalog.masks().size());
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                SplittableRandom random = new SplittableRandom(seed + c);
                pool.submit(() -> {
                    Map<String, List<Long>> mine = new TreeMap<>();
                    while (System.nanoTime() < deadline) {
                        String kind = pick(random);
                        String path = path(kind, catalog, random);
                        long started = System.nanoTime();
                        int status = status(path);
                        mine.computeIfAbsent(kind, k -> new ArrayList<>()).add(System.nanoTime() - started);
                        if (status >= 400 || status < 0) {
                            errors.computeIfAbsent(kind + " " + status, k -> new AtomicLong()).incrementAndGet();
                            if (errorSamples.size() < 10) {
                                errorSamples.add(status + " " + path);
                            }
                        }
                    }
                    mine.forEach((kind, values) -> latencies.computeIfAbsent(kind,
                            k -> java.util.Collections.synchronizedList(new ArrayList<>())).addAll(values));
                    return null;
                });
            }
            if (jobs) {
                pool.submit(() -> exportDuringLoad(deadline));
                pool.submit(() -> segmentDuringLoad(catalog, deadline, latencies, errors));
            }
            if (metricsEvery > 0) {
                pool.submit(() -> sampleMetrics(deadline, metricsEvery));
            }
        }
        long total = latencies.values().stream().mapToLong(List::size).sum();
        out.printf("%-12s %9s %9s %9s %9s%n", "kind", "requests", "p50 ms", "p99 ms", "max ms");
        new TreeMap<>(latencies).forEach((kind, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            out.printf("%-12s %9d %9.1f %9.1f %9.1f%n", kind, sorted.length, percentile(sorted, 0.50),
                    percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        });
        long[] all = latencies.entrySet().stream().filter(e -> !e.getKey().equals("segment"))
                .flatMap(e -> e.getValue().stream()).mapToLong(Long::longValue).sorted().toArray();
        long failed = errors.values().stream().mapToLong(AtomicLong::get).sum();
        out.printf("all browsing: %d requests, %.0f/s, p50 %.1f ms, p99 %.1f ms; errors %d %s%n", all.length,
                all.length / (double) seconds, percentile(all, 0.5), percentile(all, 0.99), failed, errors);
        errorSamples.forEach(sample -> out.println("  error: " + sample));
        return total > 0 && failed == 0 ? 0 : 1;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    private static String pick(SplittableRandom random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < WEIGHTS.length; i++) {
            roll -= WEIGHTS[i];
            if (roll < 0) {
                return KINDS.get(i);
            }
        }
        return KINDS.getLast();
    }

    private static String path(String kind, Catalog catalog, SplittableRandom random) {
        String filter = filter(catalog, random);
        return switch (kind) {
            case "counts" -> "/api/v1/counts?" + filter;
            case "facets" -> "/api/v1/facets?" + filter;
            case "masks" -> "/api/v1/masks?limit=50&" + filter;
            case "images" -> "/api/v1/images?limit=50&" + filter;
            case "thumbnail" -> "/api/v1/images/" + any(catalog.images(), random) + "/thumbnail";
            default -> "/api/v1/masks/" + any(catalog.masks(), random) + "/png";
        };
    }

    private static <T> T any(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }

    /** One or two dimensions, one or two values each. */
    private static String filter(Catalog catalog, SplittableRandom random) {
        List<String> dimensions = new ArrayList<>(catalog.values().keySet());
        StringBuilder query = new StringBuilder();
        int count = random.nextInt(3);
        for (int i = 0; i < count && !dimensions.isEmpty(); i++) {
            String dimension = dimensions.remove(random.nextInt(dimensions.size()));
            List<String> values = catalog.values().get(dimension);
            for (int v = 0; v <= random.nextInt(2); v++) {
                query.append(query.isEmpty() ? "" : "&").append(dimension).append('=')
                        .append(URLEncoder.encode(any(values, random), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** The status, or -1 when the request failed outright; the body is read and dropped. */
    private int status(String path) {
        try {
            return http.send(request(path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private Catalog catalog() throws IOException, InterruptedException {
        JsonNode facets = json("/api/v1/facets");
        Map<String, List<String>> values = new TreeMap<>();
        facets.properties().forEach(entry -> {
            if (!entry.getValue().isObject() || entry.getKey().equals("area")) {
                return;
            }
            List<String> names = new ArrayList<>();
            entry.getValue().properties().forEach(value -> names.add(value.getKey()));
            if (!names.isEmpty()) {
                values.put(entry.getKey(), names.subList(0, Math.min(names.size(), 40)));
            }
        });
        List<Long> images = new ArrayList<>();
        json("/api/v1/images?limit=500").path("items").forEach(item -> images.add(item.path("image").path("id").asLong()));
        List<Long> masks = new ArrayList<>();
        json("/api/v1/masks?limit=500&sort=-area").path("items").forEach(item -> masks.add(item.path("id").asLong()));
        if (images.isEmpty() || masks.isEmpty()) {
            throw new IllegalArgumentException("the catalog at " + base + " is empty");
        }
        return new Catalog(values, images, masks);
    }

    private Void exportDuringLoad(long deadline) throws IOException, InterruptedException {
        JsonNode started = post("/api/v1/exports", "{\"format\": \"sa-med2d\"}");
        String id = started.path("id").asString();
        out.printf("export %s started: %,d masks%n", id, started.path("masks").asLong());
        JsonNode state = started;
        while (System.nanoTime() < deadline && state.path("state").asString().matches("queued|running")) {
            Thread.sleep(2000);
            state = json("/api/v1/exports/" + id);
        }
        out.printf("export %s: %s, progress %.2f, %s bytes%n", id, state.path("state").asString(),
                state.path("progress").asDouble(), state.path("bytes").asString("?"));
        return null;
    }

    private Void segmentDuringLoad(Catalog catalog, long deadline, Map<String, List<Long>> latencies,
                                   Map<String, AtomicLong> errors) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(99);
        List<Long> mine = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            long image = any(catalog.images(), random);
            long started = System.nanoTime();
            try {
                post("/api/v1/segment", "{\"imageId\": " + image + ", \"box\": [20, 20, 200, 200]}");
                mine.add(System.nanoTime() - started);
            } catch (IOException e) {
                errors.computeIfAbsent("segment", k -> new AtomicLong()).incrementAndGet();
                Thread.sleep(500);
            }
        }
        latencies.put("segment", java.util.Collections.synchronizedList(mine));
        return null;
    }

    private Void sampleMetrics(long deadline, long every) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            try {
                double heap = json("/actuator/metrics/jvm.memory.used?tag=area:heap").path("measurements").get(0)
                        .path("value").asDouble();
                double files = json("/actuator/metrics/process.files.open").path("measurements").get(0)
                        .path("value").asDouble();
                double threads = json("/actuator/metrics/jvm.threads.live").path("measurements").get(0)
                        .path("value").asDouble();
                double live = json("/actuator/metrics/jvm.gc.live.data.size").path("measurements").get(0)
                        .path("value").asDouble();
                out.printf("t=%4d s  heap used %,6.0f MB  live after last GC %,6.0f MB  open files %,5.0f  live threads %,4.0f%n",
                        (System.nanoTime() - start) / 1_000_000_000L, heap / 1e6, live / 1e6, files, threads);
            } catch (IOException | RuntimeException e) {
                out.println("metrics: " + e.getMessage());
            }
            Thread.sleep(every * 1000);
        }
        return null;
    }
}
