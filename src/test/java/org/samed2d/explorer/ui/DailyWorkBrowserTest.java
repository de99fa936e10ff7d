package org.samed2d.explorer.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.TestAccounts;
import org.samed2d.explorer.export.ExportService;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal for daily work (issue 16), one journey each in Debian's Chromium: filters that never lose a query,
 * area as a percentage of the image, distinct label colours, coming back to where one was, saved views, a phone
 * and the keyboard.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyWorkBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    ExportService exports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;

    Chromium chromium;
    TestAccounts testAccounts;
    /** The sample's TotalSegmentator slice: the image with the most labels. */
    long busyImage;

    @BeforeAll
    void catalog() throws Exception {
        BrowserCatalog.load(jdbc, ingest, search);
        testAccounts = new TestAccounts(accounts, tokens);
        busyImage = jdbc.sql("select id from image where path like '%s0114--z_0111%'").query(Long.class).single();
        chromium = new Chromium();
    }

    @AfterAll
    void closeBrowser() {
        chromium.close();
    }

    @BeforeEach
    void forgetEarlierPages() {
        chromium.consoleErrors.clear();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private long masks(String query) {
        return search.counts(FilterParser.parse(com.vaadin.flow.router.QueryParameters.fromString(query).getParameters(),
                java.util.Set.of())).masks();
    }

    @Test
    void typing_a_maximum_below_the_minimum_marks_the_field_and_keeps_every_filter() {
        Page page = chromium.newPage(1440, 900);
        page.navigate(url("/?modality=ct&label=liver&areaMin=1000"));
        Locator totals = page.locator("#totals");
        assertThat(totals).hasText(Pattern.compile("^%,d masks? on".formatted(masks("modality=ct&label=liver&areaMin=1000"))));
        String before = totals.textContent();
        Locator max = page.locator("#area-max");

        max.locator("input").pressSequentially("2");
        assertThat(max).hasAttribute("invalid", "");
        assertThat(max).containsText("below the minimum (1,000)");
        assertThat(page).hasURL(Pattern.compile("areaMin=1000"));
        assertThat(page).not().hasURL(Pattern.compile("areaMax"));
        assertThat(page.locator(".chip")).hasCount(3);
        assertThat(totals).hasText(before);
        Chromium.screenshot(page, "area-max-not-valid-yet");

        max.locator("input").pressSequentially("00000");
        assertThat(page).hasURL(Pattern.compile("areaMax=200000"));
        assertThat(page).hasURL(Pattern.compile("modality=ct"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove filter area: 1,000–200,000 px")))
                .isVisible();
        assertThat(max).not().hasAttribute("invalid", "");

        Locator min = page.locator("#area-min input");
        min.selectText();
        min.pressSequentially("300000");
        assertThat(page.locator("#area-min")).hasAttribute("invalid", "");
        assertThat(page).hasURL(Pattern.compile("areaMin=1000&|areaMin=1000$"));

        // a link with an impossible range keeps the rest of its filter
        page.navigate(url("/?modality=ct&label=liver&areaMin=5000&areaMax=2"));
        assertThat(page.getByText(Pattern.compile("Left out of this link.*areaMin: is above areaMax"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove filter modality: ct"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove filter label: liver"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void a_click_anywhere_on_a_filter_row_toggles_it() {
        Page page = chromium.newPage(1440, 900);
        page.navigate(url("/"));
        Locator row = page.locator("#facet-modality vaadin-checkbox").first();
        String value = row.locator("label").textContent().strip().split(" ")[0];
        var box = row.boundingBox();
        var sidebar = page.locator("#filters").boundingBox();
        // the row's far end, well right of its text
        page.mouse().click(sidebar.x + sidebar.width - 12, box.y + box.height / 2);
        assertThat(page).hasURL(Pattern.compile("modality=" + value));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove filter modality: " + value)))
                .isVisible();
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void area_as_a_percentage_of_the_image_has_its_own_histogram_and_chip() {
        Page page = chromium.newPage(1440, 900);
        page.navigate(url("/?label=liver"));
        assertThat(page.locator("#totals")).hasText(Pattern.compile("^%,d masks".formatted(masks("label=liver"))));
        page.locator("#area-unit").getByText("% of image").click();
        Locator bars = page.locator("#area-filter .histogram-bar");
        assertThat(bars.first()).hasAttribute("data-tip", Pattern.compile("% of image: \\d+ masks?"));
        assertThat(page.locator("#area-filter")).containsText("% of image");

        page.locator("#area-min input").pressSequentially("1");
        assertThat(page).hasURL(Pattern.compile("areaFractionMin=0.01"));
        assertThat(page.locator("#totals")).hasText(Pattern.compile(
                "^%,d masks".formatted(masks("label=liver&areaFractionMin=0.01"))));
        Locator chip = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove filter area: ≥ 1 % of image"));
        assertThat(chip).isVisible();
        Chromium.screenshot(page, "area-percent");
        chip.click();
        assertThat(page).not().hasURL(Pattern.compile("areaFraction"));
        assertThat(page.locator("#totals")).hasText(Pattern.compile("^%,d masks".formatted(masks("label=liver"))));

        // a link with a fraction shows it as a chip and in the unit it is given in
        page.navigate(url("/?areaFractionMax=0.001"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove filter area: ≤ 0.1 % of image")))
                .isVisible();
        assertThat(page.locator("#area-max input")).hasValue("0.1");
        assertThat(page.locator("#area-unit vaadin-radio-button[checked]")).hasText("% of image");
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void the_labels_of_one_image_have_distinct_colours_and_are_named_on_hover() {
        Page page = chromium.newPage(1440, 1000);
        page.navigate(url("/image/" + busyImage));
        PortalBrowserTest.waitForLayers(page);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> masks = (List<Map<String, Object>>) page.evaluate(
                "() => document.querySelector('mask-canvas').masks.map(m => ({label: m.label, color: m.color}))");
        long labels = masks.stream().map(mask -> mask.get("label")).distinct().count();
        long colours = masks.stream().map(mask -> mask.get("color")).distinct().count();
        org.assertj.core.api.Assertions.assertThat(labels).isEqualTo(15);
        org.assertj.core.api.Assertions.assertThat(colours).isEqualTo(labels);

        // the smallest mask under a pixel is named next to the pointer
        @SuppressWarnings("unchecked")
        Map<String, Object> spot = (Map<String, Object>) page.evaluate("""
                () => { const c = document.querySelector('mask-canvas'); const w = c.image.naturalWidth;
                  const mask = c.masks.reduce((a, b) => a.area <= b.area ? a : b);
                  const on = c.decoded.get(mask.id).on; const i = on.indexOf(1);
                  const v = c.view(); const box = c.viewport.getBoundingClientRect();
                  return {label: mask.label, x: box.left + v.left + ((i % w) + 0.5) * v.k,
                          y: box.top + v.top + (Math.floor(i / w) + 0.5) * v.k}; }""");
        page.mouse().move(((Number) spot.get("x")).doubleValue(), ((Number) spot.get("y")).doubleValue());
        assertThat(page.locator("mask-canvas .name")).hasText(spot.get("label") + " #0");
        Chromium.screenshot(page, "image-colours");

        // the grid's tiles carry the same colours in their legends
        page.navigate(url("/?q=s0114"));
        Locator legend = page.locator(".tile").first().locator(".legend-item").first();
        assertThat(legend).isVisible();
        String label = legend.textContent().strip();
        String swatch = (String) legend.locator(".swatch").evaluate("s => s.style.background");
        String expected = masks.stream().filter(mask -> mask.get("label").equals(label)).findFirst().orElseThrow()
                .get("color").toString();
        org.assertj.core.api.Assertions.assertThat(swatch).isEqualTo(hexToRgb(expected));
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    private static String hexToRgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return "rgb(%d, %d, %d)".formatted(value >> 16 & 255, value >> 8 & 255, value & 255);
    }

    @Test
    void back_to_results_returns_to_where_the_grid_was() {
        Page page = chromium.newPage(1440, 900);
        page.navigate(url("/?sort=dataset"));
        assertThat(page.locator(".tile").first()).isVisible();
        page.waitForFunction("() => { const list = document.querySelector('vaadin-virtual-list');"
                + " const row = document.querySelector('.tile-row');"
                + " return list && row && list.scrollHeight > 8 * row.offsetHeight; }");
        page.evaluate("() => { const list = document.querySelector('vaadin-virtual-list');"
                + " list.scrollTop = 3 * document.querySelector('.tile-row').offsetHeight; }");
        assertThat(page).hasURL(Pattern.compile("at=12"));
        Locator tile = page.locator(".tile[data-index='13']");
        assertThat(tile).isVisible();
        tile.click();
        assertThat(page).hasURL(Pattern.compile("/image/\\d+\\?.*at=12"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to results")).click();
        assertThat(page).hasURL(Pattern.compile("/\\?.*sort=dataset.*at=12|/\\?.*at=12.*sort=dataset"));
        // the row that was at the top is at the top again (scrollTop is no row count: the virtual list shifts rows)
        page.waitForFunction("() => { const list = document.querySelector('vaadin-virtual-list');"
                + " const tile = document.querySelector(\".tile[data-index='12']\");"
                + " return list && tile && Math.abs(tile.closest('.tile-row').getBoundingClientRect().top"
                + " - list.getBoundingClientRect().top) < 2; }");
        assertThat(page.locator(".tile[data-index='13']")).isInViewport();
        org.assertj.core.api.Assertions.assertThat(page.evaluate(
                "() => document.querySelector('explorer-tile-grid').firstVisibleTile()")).isEqualTo(12);
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void signing_in_from_any_page_returns_to_it_with_its_state() {
        Page page = chromium.newPage(1440, 900);
        String where = "/image/" + busyImage + "?label=aorta";
        page.navigate(url(where));
        PortalBrowserTest.waitForLayers(page);
        page.locator("#sign-in").click();
        assertThat(page).hasURL(Pattern.compile("/login\\?continue="));
        page.getByLabel("Username").fill(testAccounts.user(Role.RESEARCHER));
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(url(where));
        assertThat(page.locator("#account-link")).hasText(testAccounts.user(Role.RESEARCHER));
        // the researcher's segmentation tools are there now
        assertThat(page.locator("mask-canvas").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Draw box"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void a_mistyped_url_gets_the_portals_not_found_page_signed_in_or_not() {
        Page anonymous = chromium.newPage(1440, 900);
        org.assertj.core.api.Assertions.assertThat(anonymous.navigate(url("/explroe?label=liver")).status())
                .as("the page's status").isEqualTo(404);
        assertThat(anonymous.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        assertThat(anonymous).hasURL(url("/explroe?label=liver"));
        assertThat(anonymous.getByText("The portal has no page at /explroe")).isVisible();
        Chromium.screenshot(anonymous, "not-found");

        Page signedIn = chromium.newPage(1440, 900);
        Chromium.signIn(signedIn, url(""), testAccounts.user(Role.VIEWER), TestAccounts.PASSWORD);
        org.assertj.core.api.Assertions.assertThat(signedIn.navigate(url("/datasets/AMOS2022/extra")).status())
                .isEqualTo(404);
        assertThat(signedIn.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        signedIn.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to Explore")).click();
        assertThat(signedIn.locator("#totals")).isVisible();
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void saved_views_are_saved_listed_opened_renamed_and_deleted() {
        Page page = chromium.newPage(1440, 900);
        Chromium.signIn(page, url(""), testAccounts.user(Role.VIEWER), TestAccounts.PASSWORD);
        jdbc.sql("delete from saved_view where owner = ?").param(testAccounts.user(Role.VIEWER)).update();
        page.navigate(url("/?modality=ct&label=liver&sort=-area"));
        page.locator("#saved-views-button").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("None yet");
        page.locator("#saved-view-name input").fill("Liver CT");
        page.locator("#save-view").click();
        assertThat(page.locator("#saved-views-message")).hasText("Saved Liver CT");
        assertThat(dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Liver CT"))).isVisible();
        Chromium.screenshot(page, "saved-views");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();

        page.navigate(url("/"));
        page.locator("#saved-views-button").click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Liver CT")).click();
        assertThat(page).hasURL(Pattern.compile("modality=ct"));
        assertThat(page).hasURL(Pattern.compile("label=liver"));
        assertThat(page).hasURL(Pattern.compile("sort=-area"));
        assertThat(page.locator("#totals")).hasText(Pattern.compile("^%,d masks".formatted(masks("modality=ct&label=liver"))));

        page.locator("#saved-views-button").click();
        dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).click();
        dialog.getByLabel("New name for Liver CT").fill("Liver in CT, largest first");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save name")).click();
        assertThat(dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Liver in CT, largest first")))
                .isVisible();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(dialog).containsText("None yet");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from saved_view where owner = ?")
                .param(testAccounts.user(Role.VIEWER)).query(Long.class).single()).isZero();
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void the_exports_page_shows_each_exports_filter_values_and_opens_them_in_explore() {
        String researcher = testAccounts.user(Role.RESEARCHER);
        exports.start(Map.of("label", List.of("liver", "spleen"), "modality", List.of("ct")), "manifest", false,
                researcher, org.samed2d.explorer.export.ExportQuota.NONE);
        Page page = chromium.newPage(1440, 900);
        Chromium.signIn(page, url(""), researcher, TestAccounts.PASSWORD);
        page.navigate(url("/exports"));
        Locator filter = page.locator("#exports vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText(Pattern.compile("label: liver, spleen"))).first();
        assertThat(filter).containsText("modality: ct");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open in Explore")).first().click();
        assertThat(page).hasURL(Pattern.compile("label=liver&label=spleen|label=spleen&label=liver"));
        assertThat(page.locator("#totals")).hasText(Pattern.compile(
                "^%,d masks".formatted(masks("label=liver&label=spleen&modality=ct"))));
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void on_a_phone_no_page_is_wider_than_the_screen_and_filters_wait_in_a_drawer() {
        Page page = chromium.newPage(390, 844);
        page.navigate(url("/login"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))).isVisible();
        assertNoWiderThan(page, 390, "/login");
        Chromium.signIn(page, url(""), testAccounts.user(Role.ADMIN), TestAccounts.PASSWORD);
        for (String path : List.of("/", "/?label=liver&modality=ct", "/image/" + busyImage, "/datasets",
                "/datasets/Totalsegmentator_dataset", "/status", "/account", "/exports", "/users", "/nope")) {
            page.navigate(url(path));
            assertThat(page.locator(":is(main h1, main h2, #totals, mask-canvas):visible").first()).isVisible();
            if (path.startsWith("/image")) {
                PortalBrowserTest.waitForLayers(page);
            }
            assertNoWiderThan(page, 390, path);
        }
        Chromium.screenshot(page, "phone-not-found");

        page.navigate(url("/?modality=ct"));
        Locator sections = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"));
        assertThat(sections).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        assertThat(sections.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Datasets"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        assertThat(sections).isHidden();

        Locator filters = page.locator("#filters");
        assertThat(filters).isHidden();
        Locator tile = page.locator(".tile").first();
        assertThat(tile).isVisible();
        org.assertj.core.api.Assertions.assertThat(tile.boundingBox().width).isBetween(150.0, 190.0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filters (1)")).click();
        assertThat(filters).isVisible();
        assertThat(filters.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mask area"))).isVisible();
        Chromium.screenshot(page, "phone-filters");
        filters.locator("#facet-label").getByText(Pattern.compile("^liver ")).click();
        assertThat(page).hasURL(Pattern.compile("label=liver"));
        assertThat(filters).isHidden();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filters (2)"))).isVisible();
        Chromium.screenshot(page, "phone-explore");
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    private static void assertNoWiderThan(Page page, int width, String path) {
        org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate(
                "() => document.documentElement.scrollWidth")).intValue()).as(path).isLessThanOrEqualTo(width);
    }

    @Test
    void the_keyboard_reaches_the_grid_walks_it_and_page_keys_leave_controls_alone() {
        Page page = chromium.newPage(1440, 900);
        page.navigate(url("/?sort=dataset"));
        assertThat(page.locator(".tile").first()).isVisible();
        page.keyboard().press("Tab");
        Locator skip = page.locator(".skip-link");
        assertThat(skip).isFocused();
        assertThat(skip).hasText("Skip to results");
        page.keyboard().press("Enter");
        assertThat(page.locator(".tile[data-index='0']")).isFocused();
        page.keyboard().press("ArrowRight");
        assertThat(page.locator(".tile[data-index='1']")).isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(page.locator(".tile[data-index='5']")).isFocused();
        page.keyboard().press("ArrowLeft");
        assertThat(page.locator(".tile[data-index='4']")).isFocused();
        // the grid is one Tab stop: the next Tab leaves it
        assertThat(page.locator(".tile[tabindex='0']")).hasCount(1);

        page.keyboard().press("/");
        assertThat(page.locator("#search-text input")).isFocused();
        assertThat(page.locator("#search-text input")).hasValue("");

        page.locator(".tile[data-index='4']").focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("/image/\\d+"));
        PortalBrowserTest.waitForLayers(page);
        String image = page.url();
        Locator opacity = page.locator("mask-canvas").getByLabel("Mask opacity");
        opacity.focus();
        page.keyboard().press("ArrowLeft");
        assertThat(opacity).hasValue("0.45");
        assertThat(page).hasURL(image);

        page.locator(".image-name").click();
        page.keyboard().press("?");
        Locator list = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
        assertThat(list).isVisible();
        assertThat(list).containsText(Pattern.compile("←\\s*Previous slice"));
        assertThat(list).containsText(Pattern.compile("N\\s*Next match"));
        assertThat(list).containsText(Pattern.compile("/\\s*Search \\(on Explore\\)"));
        org.assertj.core.api.Assertions.assertThat(list.textContent()).doesNotContain("KeyN", "ArrowLeft");
        Chromium.screenshot(page, "shortcuts");
        page.keyboard().press("Escape");
        assertThat(list).isHidden();
        page.keyboard().press("b");
        assertThat(page).hasURL(Pattern.compile("/\\?.*sort=dataset"));
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }
}
