package org.tehai.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * One headless Debian Chromium for the whole test run, driven by Playwright without its own browser download. Every
 * request to a host other than the application is aborted, so a page that reaches out fails its test.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENS = Path.of("target/ui-screens");

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    private Browser() {
    }

    static synchronized com.microsoft.playwright.Browser get() {
        if (chromium == null) {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException("The browser tests need Debian's Chromium at " + CHROMIUM
                        + ": apt-get update && apt-get install -y chromium (.ci/run does this when it is missing).");
            }
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                chromium.close();
                playwright.close();
            }));
        }
        return chromium;
    }

    /** A fresh browser session (no cookies) in one language, that may talk only to the application at {@code base}. */
    static Page page(URI base, String language) {
        BrowserContext context = get().newContext(new NewContextOptions().setLocale(language)
                .setViewportSize(1280, 800));
        String host = base.getHost();
        context.route("**/*", route -> {
            if (URI.create(route.request().url()).getHost().equals(host)) {
                route.resume();
            } else {
                route.abort();
            }
        });
        return context.newPage();
    }

    /** Saves what the person sees, for the README and for looking at a failure. */
    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve(name + ".png")).setFullPage(true));
    }
}
