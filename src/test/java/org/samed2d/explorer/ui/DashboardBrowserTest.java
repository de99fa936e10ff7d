package org.samed2d.explorer.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opens the status page in Debian's Chromium and reads the catalog's figures off it. */
@ExplorerTest
class DashboardBrowserTest {

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
    void the_status_page_shows_the_catalog_figures() {
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.newPage(1280, 800);
            page.navigate("http://localhost:" + port + "/status");

            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("Status"))).isVisible();
            assertThat(page.getByLabel("Images").locator(".figure-value")).hasText("4");
            assertThat(page.getByLabel("Masks").locator(".figure-value")).hasText("30");
            assertThat(page.getByLabel("Datasets").locator(".figure-value")).hasText("2");
            assertThat(page.getByLabel("Modalities").locator(".figure-value")).hasText("1");
            assertThat(page.getByLabel("Labels").locator(".figure-value")).hasText("25");
            Chromium.screenshot(page, "status");
            org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
        }
    }
}
