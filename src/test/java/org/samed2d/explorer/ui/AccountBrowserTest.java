package org.samed2d.explorer.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.TestAccounts;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing in and out, making and revoking an API token in the portal, and the admin's users page, in Chromium. */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcClient jdbc;

    Chromium chromium;
    TestAccounts testAccounts;

    @BeforeAll
    void browser() throws Exception {
        // a catalog of its own: the shared test database may still list a release another test class deleted, and
        // the pages' thumbnails of it would fail (503) into the console this test requires to stay clean
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        testAccounts = new TestAccounts(accounts, tokens);
        chromium = new Chromium();
    }

    @AfterAll
    void close() {
        chromium.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void a_researcher_makes_a_token_in_the_portal_uses_it_from_a_script_and_revokes_it() throws Exception {
        String researcher = testAccounts.user(Role.RESEARCHER);
        Page page = chromium.newPage(1300, 900);
        page.navigate(url("/"));
        assertThat(page.locator("#sign-in")).isVisible();
        Chromium.signIn(page, url(""), researcher, TestAccounts.PASSWORD);
        assertThat(page.locator("#account-link")).hasText(researcher);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Exports"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))).hasCount(0);

        page.locator("#account-link").click();
        page.locator("#token-name input").fill("browser-made");
        page.locator("#create-token").click();
        Locator shown = page.locator("#new-token input");
        assertThat(shown).hasValue(java.util.regex.Pattern.compile("^sme_.{40,}"));
        String token = shown.inputValue();
        Chromium.screenshot(page, "account-tokens");
        LocalApi script = new LocalApi(port, token);
        org.assertj.core.api.Assertions.assertThat(script.get("/api/v1/me").statusCode()).isEqualTo(200);

        Locator row = page.locator("#tokens vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("browser-made"));
        assertThat(row.first()).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke")).first().click();
        assertThat(page.getByText("revoked").first()).isVisible();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                script.get("/api/v1/me").statusCode() == 401);

        page.locator("#sign-out").click();
        assertThat(page.locator("#sign-in")).isVisible();
        org.assertj.core.api.Assertions.assertThat(chromium.consoleErrors).isEmpty();
    }

    @Test
    void an_admin_adds_an_account_on_the_users_page_and_a_viewer_cannot_open_it() {
        String admin = testAccounts.user(Role.ADMIN);
        Page page = chromium.newPage(1300, 900);
        Chromium.signIn(page, url(""), admin, TestAccounts.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users")).click();
        String name = "made-in-browser-" + (System.nanoTime() % 100000);
        page.locator("#new-username input").fill(name);
        page.locator("#new-password input").fill("a long enough password");
        page.locator("#add-account").click();
        assertThat(page.locator("#users-message")).hasText("Added " + name);
        assertThat(page.locator("#accounts vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(name)).first()).isVisible();
        Chromium.screenshot(page, "users");
        org.assertj.core.api.Assertions.assertThat(accounts.find(name)).hasValueSatisfying(account ->
                org.assertj.core.api.Assertions.assertThat(account.role()).isEqualTo(Role.RESEARCHER));

        // admins correct the licence table on a dataset page (a catalog with the sample is not needed for the form)
        page.navigate(url("/datasets"));
        assertThat(page.locator("h2").first()).isVisible();

        Page viewer = chromium.newPage(1300, 900);
        Chromium.signIn(viewer, url(""), testAccounts.user(Role.VIEWER), TestAccounts.PASSWORD);
        viewer.navigate(url("/users"));
        assertThat(viewer.locator("#accounts")).hasCount(0);
        chromium.consoleErrors.clear(); // the refused route is logged by the browser
    }
}
