package org.samed2d.explorer.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Portal speed on a catalog of about 1M masks (build/bench-portal.sh): rows made with SQL in PostgreSQL, files as
 * symbolic links to copies of the sample's real PNGs inside the release, so thumbnails decode real pixels. Measures the index build from
 * PostgreSQL, time to first thumbnails, filter click to updated counts and grid, and cached thumbnails.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "explorer.data-dir=target/portal-bench/data", "explorer.sample=false", "explorer.ingest.resume-on-start=false"})
class PortalBench {

    private static final int IMAGES = Integer.getInteger("bench.images", 222_000);
    private static final Path RELEASE = Path.of("target/portal-bench/release").toAbsolutePath();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SearchService search;

    @Test
    void measures() throws Exception {
        long masks = jdbc.sql("select count(*) from mask").query(Long.class).single();
        if (masks == 0) {
            seed();
            masks = jdbc.sql("select count(*) from mask").query(Long.class).single();
        }
        long started = System.nanoTime();
        search.rebuild();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Catalog: %,d masks on %,d images; index rebuilt from PostgreSQL in %.1f s (%,.0f masks/s)%n",
                masks, search.counts(MaskFilter.ALL).images(), seconds, masks / seconds);

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of("/usr/bin/chromium")).setArgs(List.of("--no-sandbox", "--disable-gpu",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--no-first-run")))) {
            double[] firstThumbnails = new double[6];
            for (int i = 0; i < firstThumbnails.length; i++) {
                Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
                long t0 = System.nanoTime();
                page.navigate("http://localhost:" + port + "/");
                page.waitForFunction("() => { const img = document.querySelector('.tile img');"
                        + " return img && img.complete && img.naturalWidth > 0; }");
                firstThumbnails[i] = (System.nanoTime() - t0) / 1e6;
                page.close();
            }
            System.out.printf("Time to first thumbnails: first visit %.0f ms, then median %.0f ms (%s)%n",
                    firstThumbnails[0], median(Arrays.copyOfRange(firstThumbnails, 1, firstThumbnails.length)),
                    Arrays.toString(firstThumbnails));

            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
            page.navigate("http://localhost:" + port + "/");
            page.waitForSelector(".tile img");
            List<Double> counts = new ArrayList<>();
            List<Double> clicks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String before = page.locator("#totals").textContent();
                var boxes = page.locator("#facet-label vaadin-checkbox");
                var box = boxes.nth(i % 2 == 0 ? 1 + (i / 2) % 6 : 0).elementHandle();
                long t0 = System.nanoTime();
                // a click as the user makes it, without Playwright's actionability checks in the measurement
                page.evaluate("box => box.click()", box);
                page.waitForFunction("before => { const t = document.querySelector('#totals');"
                        + " return t && t.textContent !== before; }", before, new Page.WaitForFunctionOptions().setPollingInterval(5));
                counts.add((System.nanoTime() - t0) / 1e6);
                page.waitForFunction("() => { const img = document.querySelector('.tile img');"
                        + " return img && img.complete && img.naturalWidth > 0; }", null,
                        new Page.WaitForFunctionOptions().setPollingInterval(5));
                clicks.add((System.nanoTime() - t0) / 1e6);
            }
            report("Filter click to updated counts", counts);
            report("Filter click to updated counts and first tile", clicks);
        }

        HttpClient http = HttpClient.newHttpClient();
        long imageId = jdbc.sql("select min(id) from image").query(Long.class).single();
        List<Long> maskIds = jdbc.sql("select id from mask where image_id = ?").param(imageId).query(Long.class).list();
        String url = "http://localhost:" + port + "/api/v1/images/" + imageId + "/thumbnail?size=256"
                + maskIds.stream().map(id -> "&mask=" + id).reduce("", String::concat);
        double[] cached = new double[200];
        for (int i = 0; i < cached.length + 1; i++) {
            long t0 = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (i > 0) {
                cached[i - 1] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(cached);
        System.out.printf("Cached thumbnail over HTTP: p50 %.1f ms, p99 %.1f ms%n", median(cached), cached[197]);
    }

    private static void report(String what, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%s: p50 %.0f ms, p90 %.0f ms, max %.0f ms (%d clicks)%n", what, median(sorted),
                sorted[(int) (sorted.length * 0.9) - 1], sorted[sorted.length - 1], sorted.length);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** About 4.5 masks per image over 100 datasets of 10 labels; files link to copies of the sample's PNGs. */
    private void seed() throws IOException {
        Path sample = SampleData.miniRelease();
        List<Path> images;
        List<Path> maskFiles;
        try (Stream<Path> i = Files.list(sample.resolve("images")); Stream<Path> m = Files.list(sample.resolve("masks"))) {
            images = i.filter(p -> p.toString().contains("AMOS2022")).sorted().toList();
            maskFiles = m.filter(p -> p.toString().contains("AMOS2022")).sorted().toList();
        }
        Files.createDirectories(RELEASE.resolve("images"));
        Files.createDirectories(RELEASE.resolve("masks"));
        // the sample's files are copied into the release once; every catalogued file links to a copy (links that
        // lead out of a release are refused, and hard links would run into the file system's limit per file)
        Path sources = Files.createDirectories(RELEASE.resolve(".sources"));
        for (Path file : Stream.concat(images.stream(), maskFiles.stream()).toList()) {
            Files.copy(file, sources.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        long t0 = System.nanoTime();
        int source = jdbc.sql("insert into file_source (location, kind, prefix) values (?, 'folder', '') returning id")
                .param(RELEASE.toString()).query(Integer.class).single();
        jdbc.sql("insert into dataset (name) select 'Bench_' || g from generate_series(1, 100) g").update();
        jdbc.sql("""
                insert into label (dataset_id, class_id, name)
                select d.id, lpad(c::text, 4, '0'), (array['liver','spleen','kidney_left','kidney_right','aorta',
                    'lung_left','lung_right','heart','liver_tumor','bladder'])[c]
                from dataset d, generate_series(1, 10) c""").update();
        jdbc.sql("""
                insert into image (path, source_id, byte_size, modality, base_modality, sub_modality, dataset_id,
                                   case_name, axis, slice, width, height)
                select 'images/i' || g || '.png', ?, 100000, case when g % 3 = 0 then 'mr_t1' else 'ct_00' end,
                       case when g % 3 = 0 then 'mr' else 'ct' end, case when g % 3 = 0 then 't1' end,
                       (select min(id) from dataset) + (g * 7919) % 100, 'case_' || (g / 200), 'z', g % 200, 512, 512
                from generate_series(1, ?) g""").params(source, IMAGES).update();
        jdbc.sql("""
                insert into mask (image_id, label_id, instance, path, source_id, byte_size, area, bbox_x0, bbox_y0,
                                  bbox_x1, bbox_y1, centroid_x, centroid_y)
                select i.id, l.id, 0, 'masks/m' || i.id || '_' || k || '.png', ?, 2000,
                       (exp(5 + random() * 5))::bigint, 10, 10, 100, 100, 55, 55
                from image i cross join lateral generate_series(1, 1 + (i.id % 8)::int) k
                join label l on l.dataset_id = i.dataset_id and l.class_id = lpad(k::text, 4, '0')""")
                .param(source).update();
        System.out.printf("Seeded the catalog with SQL in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        List<Long> imageIds = jdbc.sql("select id from image order by id").query(Long.class).list();
        for (int n = 0; n < imageIds.size(); n++) {
            Files.createSymbolicLink(RELEASE.resolve("images/i" + (n + 1) + ".png"),
                    Path.of("../.sources").resolve(images.get(n % images.size()).getFileName()));
        }
        jdbc.sql("select path from mask").query(String.class).stream().forEach(path -> {
            try {
                Files.createSymbolicLink(RELEASE.resolve(path), Path.of("../.sources")
                        .resolve(maskFiles.get(Math.floorMod(path.hashCode(), maskFiles.size())).getFileName()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.printf("Linked %,d image and mask files in %.1f s%n", imageIds.size(), (System.nanoTime() - t0) / 1e9);
    }
}
