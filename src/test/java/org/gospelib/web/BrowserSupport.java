package org.gospelib.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Drives the system's Chromium (installed by the test command from Debian) through Playwright;
 * screenshots go to {@code target/browser-screenshots} as test artifacts.
 */
public final class BrowserSupport implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("gospelib.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final Playwright playwright;
    public final Browser browser;

    public BrowserSupport() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium is not installed at " + CHROMIUM
                    + "; the test command installs it (apt-get install chromium)");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
