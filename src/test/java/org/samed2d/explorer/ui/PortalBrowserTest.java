package org.samed2d.explorer.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The main journeys in Debian's Chromium, on the real sample plus a small generated release (for slices to step
 * through): filtering with live counts and the URL, reloading a URL, the image view, a dataset page.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.samed2d.explorer.security.UserAccounts accounts;
    @Autowired
    org.samed2d.explorer.security.ApiTokens tokens;
    String researcher;

    Chromium chromium;
    long sampleMasks;

    @BeforeAll
    void catalog() throws Exception {
        BrowserCatalog.load(jdbc, ingest, search);
        sampleMasks = jdbc.sql("select count(*) from mask").query(Long.class).single();
        researcher = new org.samed2d.explorer.TestAccounts(accounts, tokens).user(org.samed2d.explorer.security.Role.RESEARCHER);
        chromium = new Chromium();
    }

    @AfterAll
    void closeBrowser() {
        chromium.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierPages() {
        chromium.consoleErrors.clear();
    }

    /** Until the image canvas has drawn the image and decoded every mask layer. */
    static void waitForLayers(Page page) {
        page.waitForFunction("() => { const c = document.querySelector('mask-canvas');"
                + " return c && c.shadowRoot && c.shadowRoot.querySelector('tbody tr')"
                + " && !c.shadowRoot.querySelector('.status'); }");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void filtering_updates_counts_tiles_and_the_url_and_a_reload_restores_it() {
        Page page = chromium.newPage(1400, 900);
        page.navigate(url("/"));
        Locator totals = page.locator("#totals");
        assertThat(totals).hasText(Pattern.compile("^%,d masks on \\d+ images$".formatted(sampleMasks)));
        assertThat(page.locator(".tile").first()).isVisible();

        page.locator("#facet-modality").getByText(Pattern.compile("^ct ")).click();
        assertThat(page).hasURL(Pattern.compile("modality=ct"));
        assertThat(totals).hasText(Pattern.compile(", of %,d masks".formatted(sampleMasks)));
        page.locator("#facet-dataset").getByText(Pattern.compile("^AMOS2022 ")).click();
        assertThat(page).hasURL(Pattern.compile("dataset=AMOS2022"));
        assertThat(totals).hasText(Pattern.compile("^[\\d,]+ masks? on [\\d,]+ images?, of %,d masks".formatted(sampleMasks)));
        String amosOnly = totals.textContent();

        page.locator("#facet-label").getByText(Pattern.compile("^liver ")).click();
        assertThat(page).hasURL(Pattern.compile("dataset=AMOS2022.*label=liver|label=liver.*dataset=AMOS2022"));
        assertThat(totals).not().hasText(amosOnly);
        String liverInAmos = totals.textContent();
        assertThat(page.locator(".chip")).hasCount(3);
        Chromium.screenshot(page, "explore-filtered");
        for (Locator tile : page.locator(".tile-title").all()) {
            assertThat(tile).hasText("AMOS2022");
        }

        page.reload();
        assertThat(totals).hasText(liverInAmos);
        assertThat(page.locator("#facet-label vaadin-checkbox[checked]")).hasCount(1);

        page.goBack();
        assertThat(totals).hasText(amosOnly);
        assertThat(page).not().hasURL(Pattern.compile("label=liver"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear all")).click();
        assertThat(totals).hasText(Pattern.compile("^%,d masks on".formatted(sampleMasks)));

        page.navigate(url("/?dataset=Nope"));
        assertThat(page.getByText("No mask matches")).isVisible();
        Chromium.screenshot(page, "explore-empty");
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void the_image_view_draws_masks_that_can_be_toggled_and_steps_through_slices() {
        Page page = chromium.newPage(1400, 1000);
        page.navigate(url("/?q=case%2000000%20AMOS2022&sort=dataset"));
        page.locator(".tile").first().click();
        assertThat(page).hasURL(Pattern.compile("/image/\\d+"));
        Locator canvas = page.locator("mask-canvas");
        Locator rows = canvas.locator("tbody tr");
        assertThat(rows.first()).isVisible();
        waitForLayers(page);

        Locator firstToggle = rows.first().locator("input[type=checkbox]");
        firstToggle.uncheck();
        org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate(
                "() => document.querySelector('mask-canvas').visibleMasks().length"))
                .isEqualTo(rows.count() - 1);
        firstToggle.check();
        canvas.getByLabel("Mask opacity").fill("0.9");
        canvas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Outline")).click();
        assertThat(canvas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Outline")))
                .hasAttribute("aria-pressed", "true");
        Chromium.screenshot(page, "image-view");

        String before = page.url();
        Locator next = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next slice"));
        assertThat(next).isEnabled();
        next.click();
        assertThat(page).not().hasURL(before);
        assertThat(page.locator(".image-facts")).containsText("case case_00000");
        page.keyboard().press("ArrowLeft");
        assertThat(page).hasURL(before);
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void a_missing_image_and_a_dataset_page_are_designed() {
        Page page = chromium.newPage(1280, 900);
        page.navigate(url("/image/99999999"));
        assertThat(page.getByText("No image with id 99999999")).isVisible();

        page.navigate(url("/datasets"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Totalsegmentator_dataset")).click();
        assertThat(page).hasURL(Pattern.compile("/datasets/Totalsegmentator_dataset$"));
        assertThat(page.getByText("Masks by label")).isVisible();
        assertThat(page.getByText(Pattern.compile("Licence: CC BY 4.0"))).isVisible();
        Chromium.screenshot(page, "dataset");
        String[] figures = page.locator(".dataset-figures").textContent().split(" ");
        page.getByText("Explore its masks").click();
        assertThat(page).hasURL(Pattern.compile("dataset=Totalsegmentator_dataset"));
        // "N images · M masks · L labels" on the dataset page; "M masks on N images, of ..." in explore
        assertThat(page.locator("#totals")).hasText(Pattern.compile("^" + figures[3] + " " + figures[4] + " on "
                + figures[0] + " " + figures[1] + ","));
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void a_file_missing_from_its_release_is_shown_as_such() throws Exception {
        var row = jdbc.sql("""
                select i.id, s.location || '/' || i.path as file from image i join file_source s on s.id = i.source_id
                where s.location like '%portal-release%' order by i.id limit 1""").query().singleRow();
        long id = ((Number) row.get("id")).longValue();
        Path file = Path.of((String) row.get("file"));
        Path away = file.resolveSibling(file.getFileName() + ".away");
        Files.move(file, away);
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url("/api/v1/images/" + id + "/png"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(503);
            org.assertj.core.api.Assertions.assertThat(response.body()).contains("cannot be read");

            Page page = chromium.newPage(1280, 900);
            page.navigate(url("/image/" + id));
            assertThat(page.locator("mask-canvas .status")).hasText("The image or a mask could not be loaded.");
            Chromium.screenshot(page, "image-missing-file");
        } finally {
            Files.move(away, file);
            chromium.consoleErrors.clear(); // the browser logs the failed image request itself
        }
    }

    @Test
    void a_box_from_the_ground_truth_segments_the_organ_and_clicks_refine_it() {
        long liver = jdbc.sql("""
                select m.id from mask m join label l on l.id = m.label_id join image i on i.id = m.image_id
                where l.name = 'liver' and i.path like '%amos_0006%'""").query(Long.class).single();
        long image = jdbc.sql("select image_id from mask where id = ?").param(liver).query(Long.class).single();
        Page page = chromium.newPage(1400, 1000);
        Chromium.signIn(page, url(""), researcher, org.samed2d.explorer.TestAccounts.PASSWORD);
        page.navigate(url("/image/" + image));
        Locator canvas = page.locator("mask-canvas");
        waitForLayers(page);
        canvas.getByLabel("Ground truth to compare with").selectOption(String.valueOf(liver));
        canvas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Prompt from ground truth")).click();
        Locator result = canvas.locator(".segment-result");
        assertThat(result).containsText("Dice", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        double dice = Double.parseDouble(result.locator("b").textContent());
        org.assertj.core.api.Assertions.assertThat(dice).isGreaterThan(0.7);
        Chromium.screenshot(page, "segmentation-box");

        // a positive click refines the result: the embedding is cached, so this is the decoder's round trip
        canvas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("+ Point")).click();
        Locator stage = canvas.locator("canvas");
        var box = stage.boundingBox();
        page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
        assertThat(result).containsText("decoder");
        page.waitForFunction("() => !document.querySelector('mask-canvas').shadowRoot"
                + ".querySelector('.segment-result').textContent.includes('Segmenting')");
        double roundTrip = ((Number) page.evaluate("() => document.querySelector('mask-canvas').lastRoundTripMs")).doubleValue();
        System.out.printf("Segmentation click to overlay, embedding cached: %.0f ms%n", roundTrip);
        org.assertj.core.api.Assertions.assertThat(roundTrip).isPositive();
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void a_prediction_shows_against_its_ground_truth_in_three_colours_downloads_as_png_and_rle_and_clear_forgets_the_truth()
            throws Exception {
        long liver = jdbc.sql("""
                select m.id from mask m join label l on l.id = m.label_id join image i on i.id = m.image_id
                where l.name = 'liver' and i.path like '%amos_0006%'""").query(Long.class).single();
        long image = jdbc.sql("select image_id from mask where id = ?").param(liver).query(Long.class).single();
        long truthArea = jdbc.sql("select area from mask where id = ?").param(liver).query(Long.class).single();
        Page page = chromium.newPage(1400, 1000);
        Chromium.signIn(page, url(""), researcher, org.samed2d.explorer.TestAccounts.PASSWORD);
        page.navigate(url("/image/" + image));
        Locator canvas = page.locator("mask-canvas");
        waitForLayers(page);
        canvas.getByLabel("Ground truth to compare with").selectOption(String.valueOf(liver));
        canvas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Prompt from ground truth")).click();
        Locator result = canvas.locator(".segment-result");
        assertThat(result).containsText("Dice", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        long predictedArea = Long.parseLong(result.textContent().replaceAll("^area ([\\d,]+) px.*$", "$1").replace(",", ""));

        // the default model returns one mask per prompt, so there is nothing to choose among
        assertThat(canvas.getByLabel("Candidate mask")).hasCount(0);

        // the comparison layer holds exactly three colours, and its pixels add up to both masks' areas
        Locator legend = canvas.getByLabel("Prediction against ground truth");
        assertThat(legend).isVisible();
        @SuppressWarnings("unchecked")
        var colours = (java.util.Map<String, Number>) page.evaluate("""
                () => { const layer = document.querySelector('mask-canvas').agreementLayer;
                  const data = layer.getContext('2d').getImageData(0, 0, layer.width, layer.height).data;
                  const counts = {};
                  for (let i = 0; i < data.length; i += 4) {
                    if (data[i + 3]) { const key = '#' + [data[i], data[i + 1], data[i + 2]]
                      .map(v => v.toString(16).padStart(2, '0')).join(''); counts[key] = (counts[key] || 0) + 1; } }
                  return counts; }""");
        org.assertj.core.api.Assertions.assertThat(colours).containsOnlyKeys("#22c55e", "#ef4444", "#3b82f6");
        long tp = colours.get("#22c55e").longValue();
        long fp = colours.get("#ef4444").longValue();
        long fn = colours.get("#3b82f6").longValue();
        org.assertj.core.api.Assertions.assertThat(tp + fn).isEqualTo(truthArea);
        org.assertj.core.api.Assertions.assertThat(tp + fp).isEqualTo(predictedArea);
        assertThat(legend).containsText("true positive %,d px".formatted(tp));
        Chromium.screenshot(page, "segmentation-agreement");
        canvas.getByLabel("TP/FP/FN").uncheck();
        assertThat(legend).hasCount(0);
        canvas.getByLabel("TP/FP/FN").check();
        assertThat(legend).isVisible();

        // the PNG and the COCO RLE downloads are the same mask
        Download png = page.waitForDownload(() -> canvas.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Mask PNG")).click());
        java.awt.image.BufferedImage mask = javax.imageio.ImageIO.read(png.path().toFile());
        Download rle = page.waitForDownload(() -> canvas.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("COCO RLE")).click());
        var json = new tools.jackson.databind.ObjectMapper().readTree(Files.readString(rle.path()));
        int height = json.get("size").get(0).asInt();
        int width = json.get("size").get(1).asInt();
        org.assertj.core.api.Assertions.assertThat(new int[] {mask.getHeight(), mask.getWidth()})
                .containsExactly(height, width);
        boolean[] fromRle = CocoRle.decode(json.get("counts").asString(), width, height);
        long differing = 0;
        long area = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean on = (mask.getRaster().getSample(x, y, 0)) > 127;
                area += on ? 1 : 0;
                differing += on != fromRle[y * width + x] ? 1 : 0;
            }
        }
        org.assertj.core.api.Assertions.assertThat(differing).isZero();
        org.assertj.core.api.Assertions.assertThat(area).isEqualTo(predictedArea);

        // Clear forgets the ground truth too: a new box is not scored against the liver behind the user's back
        canvas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Clear")).click();
        assertThat(canvas.getByLabel("Ground truth to compare with")).hasValue("");
        assertThat(legend).hasCount(0);
        assertThat(result).hasText("draw a box or click points");
        canvas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Draw box")).click();
        var stage = canvas.locator("canvas").boundingBox();
        page.mouse().move(stage.x + stage.width * 0.35, stage.y + stage.height * 0.35);
        page.mouse().down();
        page.mouse().move(stage.x + stage.width * 0.6, stage.y + stage.height * 0.6, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        assertThat(result).containsText("area", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(result).not().containsText("Dice");
        assertThat(legend).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void the_current_selection_exports_from_the_explore_view() {
        Page page = chromium.newPage(1400, 900);
        Chromium.signIn(page, url(""), researcher, org.samed2d.explorer.TestAccounts.PASSWORD);
        page.navigate(url("/?label=liver&dataset=AMOS2022"));
        page.locator("#export").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("AMOS2022");
        dialog.getByText("Manifest only").click();
        dialog.getByText("Split into train, val and test").click();
        page.locator("#split-val input").fill("0.5");
        page.locator("#split-test input").fill("0");
        page.locator("#start-export").click();
        assertThat(page.locator("#export-status")).containsText("Ready",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        String href = page.locator("#export-download").getAttribute("href");
        var download = page.request().get(url(href));
        org.assertj.core.api.Assertions.assertThat(download.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(download.headers().get("content-type")).isEqualTo("application/zip");
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(download.body()))) {
            java.util.zip.ZipEntry entry = zip.getNextEntry();
            org.assertj.core.api.Assertions.assertThat(entry.getName()).isEqualTo("manifest.csv");
            String header = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst()
                    .orElseThrow();
            // the split the dialog asked for gives each row its part
            org.assertj.core.api.Assertions.assertThat(header).endsWith(",height,part");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Chromium.screenshot(page, "export-dialog");

        page.navigate(url("/exports"));
        assertThat(page.getByText("manifest").first()).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download")).first()).isVisible();
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }
}
