package org.samed2d.explorer.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's Chromium driven by Playwright, with the page's console errors collected for the test to check. */
public final class Chromium implements AutoCloseable {

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;
    public final List<String> consoleErrors = new ArrayList<>();

    public Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setArgs(ARGS));
    }

    public Page newPage(int width, int height) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, height));
        // a page the portal does not have comes with 404 (its not-found view); Chromium reports that status of the
        // document itself as a failed load, which is no error of the page (tests check the status on the response)
        java.util.Set<String> notFoundPages = java.util.concurrent.ConcurrentHashMap.newKeySet();
        page.onResponse(response -> {
            if (response.request().isNavigationRequest() && response.status() == 404) {
                notFoundPages.add(response.url());
            }
        });
        page.onConsoleMessage(message -> {
            boolean notFoundPage = message.text().startsWith("Failed to load resource: the server responded with a "
                    + "status of 404") && notFoundPages.contains(message.location().replaceFirst(":\\d+:\\d+$", ""));
            if (message.type().equals("error") && !notFoundPage) {
                consoleErrors.add(message.text() + " (" + message.location() + ")");
            }
        });
        page.onPageError(error -> consoleErrors.add(error));
        return page;
    }

    /** Signs the page in through the login view and waits until the portal has taken it back. */
    public static void signIn(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
