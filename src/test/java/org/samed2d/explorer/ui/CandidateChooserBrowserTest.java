package org.samed2d.explorer.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerApplication;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.TestAccounts;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;
import org.samed2d.explorer.segment.SamMed2dShapedModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * With a model that returns several candidate masks (a SAM-Med2D-shaped export, random weights, as the portal's
 * default on a second instance over the same catalog), the image view offers a choice among them, and the Dice,
 * the TP/FP/FN layer and the downloads follow the chosen one.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateChooserBrowserTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;

    ConfigurableApplicationContext samMed2d;
    String base;
    String researcher;
    Chromium chromium;

    @BeforeAll
    void aPortalWhoseDefaultModelReturnsFourCandidates() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        search.rebuild();
        Path models = Path.of(System.getProperty("java.io.tmpdir"), "candidate-chooser-models");
        SamMed2dShapedModel.writeTo(models);
        HikariDataSource hikari = (HikariDataSource) dataSource;
        samMed2d = new SpringApplicationBuilder(ExplorerApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + hikari.getJdbcUrl(), "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--explorer.data-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "candidate-chooser-data"),
                "--explorer.sample=false", "--explorer.ingest.resume-on-start=false",
                "--explorer.ingest.roots=" + Path.of(System.getProperty("user.dir"), "..", "shared", "data"),
                "--explorer.segmentation.default-model=sam-med2d",
                "--explorer.segmentation.disk-cache-bytes=0",
                "--explorer.segmentation.models.sam-med2d.encoder=" + models.resolve("encoder.onnx"),
                "--explorer.segmentation.models.sam-med2d.decoder=" + models.resolve("decoder.onnx"),
                "--explorer.segmentation.models.sam-med2d.preprocessing=stretch",
                "--explorer.segmentation.models.sam-med2d.input-size=256",
                "--spring.main.banner-mode=off");
        base = "http://localhost:" + ((WebServerApplicationContext) samMed2d).getWebServer().getPort();
        researcher = new TestAccounts(accounts, tokens).user(Role.RESEARCHER);
        chromium = new Chromium();
    }

    @AfterAll
    void stop() {
        chromium.close();
        samMed2d.close();
    }

    @Test
    void the_user_chooses_among_the_candidates_and_dice_comparison_and_downloads_follow_the_choice() {
        long liver = jdbc.sql("""
                select m.id from mask m join label l on l.id = m.label_id join image i on i.id = m.image_id
                where l.name = 'liver' and i.path like '%amos_0006%'""").query(Long.class).single();
        long image = jdbc.sql("select image_id from mask where id = ?").param(liver).query(Long.class).single();
        Page page = chromium.newPage(1400, 1000);
        Chromium.signIn(page, base, researcher, TestAccounts.PASSWORD);
        page.navigate(base + "/image/" + image);
        Locator canvas = page.locator("mask-canvas");
        PortalBrowserTest.waitForLayers(page);
        canvas.getByLabel("Ground truth to compare with").selectOption(String.valueOf(liver));
        Response answer = page.waitForResponse(r -> r.url().endsWith("/api/v1/segment") && r.status() == 200,
                () -> canvas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                        .setName("Prompt from ground truth")).click());
        JsonNode result = LocalApi.json(answer.text());
        JsonNode candidates = result.get("candidates");
        org.assertj.core.api.Assertions.assertThat(candidates.size()).isEqualTo(4);
        int best = result.get("candidate").asInt();

        Locator chooser = canvas.getByLabel("Candidate mask");
        assertThat(chooser).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(chooser.locator("option")).hasCount(4);
        assertThat(chooser).hasValue(String.valueOf(best));
        Locator shown = canvas.locator(".segment-result");
        assertThat(shown).containsText("Dice");
        org.assertj.core.api.Assertions.assertThat(Double.parseDouble(shown.locator("b").textContent()))
                .isCloseTo(result.get("dice").asDouble(), within(0.0011));

        // another candidate: its own area and Dice, its own pixels in the comparison, its own downloads
        // (one whose area differs from the best's, so the checks below tell the two apart)
        int other = java.util.stream.IntStream.range(0, 4).filter(k -> candidates.get(k).get("area").asLong()
                != candidates.get(best).get("area").asLong()).findFirst().orElseThrow();
        JsonNode chosen = candidates.get(other);
        chooser.selectOption(String.valueOf(other));
        assertThat(shown).containsText("area %,d px".formatted(chosen.get("area").asLong()));
        org.assertj.core.api.Assertions.assertThat(Double.parseDouble(shown.locator("b").textContent()))
                .isCloseTo(chosen.get("dice").asDouble(), within(0.0011));
        long predictedPixels = ((Number) page.evaluate("""
                () => { const layer = document.querySelector('mask-canvas').agreementLayer;
                  const data = layer.getContext('2d').getImageData(0, 0, layer.width, layer.height).data;
                  let predicted = 0;
                  for (let i = 0; i < data.length; i += 4) {
                    const rgb = [data[i], data[i + 1], data[i + 2]].join();
                    if (data[i + 3] && (rgb === '34,197,94' || rgb === '239,68,68')) predicted++; }
                  return predicted; }""")).longValue();
        org.assertj.core.api.Assertions.assertThat(predictedPixels).isEqualTo(chosen.get("area").asLong());
        Locator png = canvas.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mask PNG"));
        assertThat(png).hasAttribute("href", chosen.get("png").asString());
        org.assertj.core.api.Assertions.assertThat(page.request().get(base + chosen.get("png").asString()).status())
                .isEqualTo(200);
        String rle = java.net.URLDecoder.decode(canvas.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("COCO RLE")).getAttribute("href").replaceFirst("^data:[^,]*,", ""),
                java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(LocalApi.json(rle).get("counts").asString())
                .isEqualTo(chosen.get("rle").get("counts").asString());
        Chromium.screenshot(page, "segmentation-candidates");

        canvas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Clear")).click();
        assertThat(chooser).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }
}
