package org.samed2d.explorer.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opens the portal in Debian's Chromium and reads the catalog's figures off the page. */
@ExplorerTest
class DashboardBrowserTest {

    static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    @LocalServerPort
    int port;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void sampleCatalog() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
    }

    @Test
    void the_start_page_shows_the_catalog_figures() {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of("/usr/bin/chromium")).setArgs(CHROMIUM_ARGS))) {
            Page page = browser.newPage();
            List<String> consoleErrors = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if (message.type().equals("error")) {
                    consoleErrors.add(message.text());
                }
            });
            page.navigate("http://localhost:" + port + "/");

            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("SA-Med2D Explorer"))).isVisible();
            assertThat(page.getByLabel("Images").locator(".figure-value")).hasText("4");
            assertThat(page.getByLabel("Masks").locator(".figure-value")).hasText("30");
            assertThat(page.getByLabel("Datasets").locator(".figure-value")).hasText("2");
            assertThat(page.getByLabel("Modalities").locator(".figure-value")).hasText("1");
            assertThat(page.getByLabel("Labels").locator(".figure-value")).hasText("25");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "dashboard.png")));
            org.assertj.core.api.Assertions.assertThat(consoleErrors).isEmpty();
        }
    }
}
