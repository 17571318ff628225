package org.gospelib.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of pages in Chromium against the whole application: one browser per class, a fresh
 * context per test, and a script error or a blocked resource (say, by the content security
 * policy) fails the test.
 */
public abstract class BrowserTest extends RunningApplication {

    protected static BrowserSupport browsers;
    protected BrowserContext context;
    protected Page page;
    protected final List<String> scriptErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() {
        browsers = new BrowserSupport();
    }

    @AfterAll
    static void quit() {
        if (browsers != null) browsers.close();
    }

    @BeforeEach
    void openPage() {
        context = browsers.browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setViewportSize(1280, 900));
        page = context.newPage();
        page.onPageError(scriptErrors::add);
        // a page's own 4xx answers (a signed-out reader's /v1/me, a missing page) are logged by the browser, not errors
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().contains("status of 4")) scriptErrors.add(m.text());
        });
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(scriptErrors).isEmpty();
    }
}
