package org.gospelib.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web reader in a real browser, against the whole application on the real corpus: what a
 * reader sees and does, asserted on the page's content.
 */
class ReaderBrowserTests extends BrowserTest {

    Locator verse(int n) {
        return page.locator("#v" + n);
    }

    /** Creates an account through the sign-up page; the page signs in and goes home. */
    void signUpInTheBrowser(String who) {
        page.navigate("/signup");
        page.getByLabel("Email").fill(who + "-" + UUID.randomUUID() + "@example.test");
        page.getByLabel(Pattern.compile("^Password")).fill("a long enough password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        page.waitForURL("**/");
    }

    @Test
    void readAChapterSwitchTranslationAndOpenTheParallelView() {
        page.navigate("/read/KJV/John/3");
        assertThat(page.locator("h1")).hasText("John 3");
        assertThat(verse(16)).containsText("For God so loved the world");
        assertThat(verse(16).locator(".wj").first()).isVisible();
        assertThat(verse(16).locator(".wj").first()).hasCSS("color", "rgb(176, 0, 0)");
        assertThat(page.locator("#v13 i").first()).isVisible();
        BrowserSupport.screenshot(page, "chapter-kjv-john-3");

        page.selectOption("#pick-tr", "WEB");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL("**/read/WEB/John/3");
        assertThat(verse(16)).containsText("his only born Son");
        assertThat(page.locator(".footnotes")).containsText("Notes (WEB)");

        page.selectOption("#pick-with", "RV1909");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL("**/read/WEB/John/3?with=RV1909");
        assertThat(verse(16).locator(".cell")).hasCount(2);
        assertThat(verse(16).locator(".cell[lang=es]")).containsText("de tal manera amó Dios al mundo");
        BrowserSupport.screenshot(page, "chapter-parallel-web-rv1909");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("John 4 ›")).click();
        page.waitForURL("**/read/WEB/John/4?with=RV1909");
        assertThat(page.locator("h1")).hasText("John 4");

        page.navigate("/");
        assertThat(page.locator("#continue-link")).hasText("John 4");
        assertThat(page.locator("#continue-link")).hasAttribute("href", "/read/WEB/John/4");
    }

    @Test
    void theKeyboardReachesTheTextFirstAndTheLayoutFitsAPhone() {
        try (BrowserContext phone = browsers.browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page small = phone.newPage();
            small.navigate("/read/KJV/Ps/119?with=WEB");
            small.keyboard().press("Tab");
            assertThat(small.locator(":focus")).hasText("Skip to the text");
            small.keyboard().press("Enter");
            assertThat(small).hasURL(Pattern.compile(".*#main$"));
            small.keyboard().press("ArrowRight");
            small.waitForURL("**/read/KJV/Ps/120?with=WEB");
            small.keyboard().press("ArrowLeft");
            small.waitForURL("**/read/KJV/Ps/119?with=WEB");
            Object overflow = small.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            BrowserSupport.screenshot(small, "phone-psalm-119-parallel");
        }
    }

    @Test
    void selectAVerseToSeeRelatedVersesTopicsAndCommentary() {
        page.navigate("/read/KJV/John/3");
        verse(16).locator("a.vn").click();
        Locator panel = page.locator("#panel .verse-panel");
        assertThat(panel.locator("h2")).hasText("John 3:16");
        assertThat(panel.locator(".related li").first()).isVisible();
        assertThat(panel.locator(".topics li").first()).isVisible();
        assertThat(panel.locator("details summary").first()).containsText("John 3");
        assertThat(page).hasURL(Pattern.compile(".*/read/KJV/John/3\\?v=16#v16$"));
        assertThat(verse(16)).hasClass(Pattern.compile("selected"));
        BrowserSupport.screenshot(page, "side-panel-john-3-16");

        panel.locator(".related li a").first().click();
        assertThat(page.locator("#panel .verse-panel h2")).isVisible();
    }

    @Test
    void showStrongsNumbersAndOpenALemma() {
        page.navigate("/read/KJV/John/3");
        page.getByText("Show Strong's numbers").click();
        Locator loved = verse(16).locator("a.w", new Locator.LocatorOptions().setHasText("loved"));
        assertThat(loved).hasAttribute("title", Pattern.compile("G25"));
        loved.click();
        page.waitForURL("**/lemmas/G25");
        assertThat(page.locator("h1")).containsText("G25");
        assertThat(page.locator(".renderings")).containsText("KJV");
        assertThat(page.locator(".renderings")).containsText("love");
        assertThat(page.locator(".verse-lines li").first()).isVisible();
        BrowserSupport.screenshot(page, "lemma-g25");
    }

    @Test
    void searchNarrowByBookAndOpenAHit() {
        page.navigate("/");
        page.locator("#site-q").fill("love one another");
        page.locator("#site-q").press("Enter");
        page.waitForURL("**/search?q=love+one+another");
        Locator hits = page.locator("ol.hits li");
        assertThat(hits.first()).isVisible();
        assertThat(hits.first().locator("mark").first()).isVisible();
        assertThat(page.locator(".facets")).containsText("John");
        BrowserSupport.screenshot(page, "search-love-one-another");

        page.locator(".facets a", new Page.LocatorOptions().setHasText(Pattern.compile("^1 John$"))).click();
        assertThat(page.locator(".summary")).containsText("in 1 John");
        for (String label : hits.locator("a").allTextContents()) assertThat(label).startsWith("1 John");

        String label = hits.first().locator("a").textContent();
        hits.first().locator("a").click();
        assertThat(page.locator("#panel .verse-panel h2")).hasText(label);
    }

    @Test
    void aTopicPageListsItsVerses() {
        page.navigate("/topics?q=love");
        page.locator(".topic-list a").first().click();
        assertThat(page.locator("h1")).containsText(Pattern.compile("love", Pattern.CASE_INSENSITIVE));
        assertThat(page.locator(".verse-lines li").first()).isVisible();
    }

    @Test
    void signUpHighlightAndNoteAVerseKeepThemAfterReloadAndSignOut() {
        signUpInTheBrowser("reader");
        assertThat(page.locator("#sign-out")).isVisible();
        assertThat(page.locator("header a[href='/signin']")).isHidden();

        page.navigate("/read/KJV/John/3");
        verse(16).locator("a.vn").click();
        Locator panel = page.locator("#panel .verse-panel");
        assertThat(panel.locator(".study-actions")).isVisible();
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Green")).click();
        assertThat(verse(16)).hasClass(Pattern.compile("hl-green"));
        panel.getByLabel("Note", new Locator.GetByLabelOptions().setExact(true)).fill("God's love is for the whole world.");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save note")).click();
        assertThat(panel.locator(".my-notes li .note-body")).hasText("God's love is for the whole world.");
        assertThat(verse(16)).hasClass(Pattern.compile("has-note"));
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bookmark")).click();
        assertThat(verse(16)).hasClass(Pattern.compile("bookmarked"));

        page.reload();
        assertThat(verse(16)).hasClass(Pattern.compile("hl-green"));
        assertThat(verse(16)).hasClass(Pattern.compile("has-note"));
        assertThat(page.locator("#panel .my-notes li .note-body")).hasText("God's love is for the whole world.");
        assertThat(verse(17)).not().hasClass(Pattern.compile("hl-"));
        BrowserSupport.screenshot(page, "highlight-and-note-after-reload");

        page.navigate("/me/notes");
        assertThat(page.locator("#notes-list li")).hasCount(1);
        assertThat(page.locator("#notes-list li")).containsText("John 3:16");
        assertThat(page.locator("#marks-list")).containsText("highlighted green");
        assertThat(page.locator("#marks-list")).containsText("bookmarked");

        // and undone from the reader: highlight, bookmark and note
        page.navigate("/read/KJV/John/3?v=16#v16");
        Locator again = page.locator("#panel .verse-panel");
        again.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove highlight")).click();
        assertThat(verse(16)).not().hasClass(Pattern.compile("hl-green"));
        again.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove bookmark")).click();
        assertThat(verse(16)).not().hasClass(Pattern.compile("bookmarked"));
        again.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete this note")).click();
        assertThat(again.locator(".my-notes li")).hasCount(0);
        page.reload();
        assertThat(verse(16)).not().hasClass(Pattern.compile("hl-|has-note|bookmarked"));
        assertThat(page.locator("#panel .hl-clear")).isHidden();

        page.locator("#sign-out").click();
        page.waitForURL("**/");
        assertThat(page.locator("header a[href='/signin']")).isVisible();
        page.navigate("/read/KJV/John/3");
        assertThat(verse(16)).not().hasClass(Pattern.compile("hl-green"));
    }

    @Test
    void enrolInAReadingPlanAndTickTodaysReading() {
        signUpInTheBrowser("planner");

        page.navigate("/me/plans");
        page.locator("button[data-enrol='new-testament-90-days']").click();
        Locator enrolment = page.locator("#my-plans li.enrolment");
        assertThat(enrolment).hasCount(1);
        assertThat(enrolment.locator(".progress")).containsText("Day 1 of 90");
        assertThat(enrolment.locator(".readings a").first()).hasText(Pattern.compile("^Matt 1[–:]"));
        enrolment.locator("input.day-read").check();
        assertThat(page.locator("#my-plans .progress")).containsText("1 read");
        page.reload();
        assertThat(page.locator("#my-plans input.day-read")).isChecked();
        BrowserSupport.screenshot(page, "reading-plan");
    }

    /**
     * The account page: the free plan, Subscribe (Stripe's Checkout, here a page the browser is
     * given instead of Stripe's), the payment reported by Stripe's webhook, then Plus with its
     * renewal date and Manage subscription (the Customer Portal).
     */
    @Test
    void subscribeFromTheAccountPageAndSeeThePlan() {
        signUpInTheBrowser("subscriber");
        List<String> stripePages = new CopyOnWriteArrayList<>();
        for (String host : List.of("https://checkout.stripe.com/**", "https://billing.stripe.com/**")) {
            page.route(host, route -> {
                stripePages.add(route.request().url());
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setContentType("text/html")
                        .setBody("<!DOCTYPE html><title>Stripe</title><h1>Stripe</h1>"));
            });
        }
        page.navigate("/account");
        assertThat(page.locator("#plan-summary")).hasText("You are on the free plan.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe monthly")).click();
        page.waitForURL("https://checkout.stripe.com/**");
        String session = stripePages.getFirst().substring(stripePages.getFirst().lastIndexOf('/') + 1);

        org.gospelib.billing.LocalStripe stripe = org.gospelib.billing.LocalStripe.shared();
        stripe.completeCheckout(session);
        String event = stripe.event("checkout.session.completed", stripe.sessions.get(session));
        assertThat(http.send("POST", "/v1/billing/webhooks/stripe", event, "Stripe-Signature",
                org.gospelib.billing.LocalStripe.signature(event, java.time.Instant.now(), org.gospelib.billing.LocalStripe.WEBHOOK_SECRET),
                "Content-Type", "application/json").status()).isEqualTo(200);

        page.navigate("/account?checkout=done");
        assertThat(page.locator("#plan-summary")).hasText("You are on Plus.");
        assertThat(page.locator("#plan-subscriptions li")).containsText(Pattern.compile("Plus, monthly — active, renews on "));
        assertThat(page.locator("#plan-subscribe")).isHidden();
        BrowserSupport.screenshot(page, "account-plus");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Manage subscription")).click();
        page.waitForURL("https://billing.stripe.com/**");
        assertThat(stripePages.getLast()).startsWith("https://billing.stripe.com/p/session/");
    }

    /**
     * The assistant panel: the answer streams in, its checked citations link to the passage in the
     * reader, an invented one shows as removed and is no link, and the question joins the list.
     */
    @Test
    void askTheAssistantAndFollowACheckedCitation() {
        signUpInTheBrowser("asker");
        org.gospelib.assistant.LocalModels models = org.gospelib.assistant.LocalModels.shared();
        models.reset();
        models.anthropic.next(org.gospelib.assistant.LocalModels.Answer.of("Jesus showed grief: ",
                "\u201CJesus wept\u201D [John.11.35]. Some cite [Hez.9.9] as well."));
        page.navigate("/assistant");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Your question")).fill("Did Jesus weep at the tomb of Lazarus? " + java.util.UUID.randomUUID());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask")).click();
        assertThat(page.locator("#assistant-answer .citation-verified a")).hasText("John 11:35");
        assertThat(page.locator("#assistant-answer .citation-verified q")).hasText("Jesus wept");
        assertThat(page.locator("#assistant-answer .citation-removed")).containsText("citation removed");
        assertThat(page.locator("#assistant-answer .citation-removed a")).hasCount(0);
        assertThat(page.locator("#assistant-history li")).hasCount(1);
        BrowserSupport.screenshot(page, "assistant");
        page.locator("#assistant-answer .citation-verified a").click();
        page.waitForURL(Pattern.compile(".*/read/KJV/John/11#v35$"));
    }

    /**
     * A reader keeps a note, asks for a printable export on the account page, sees it prepared and
     * downloads the PDF through its link; the verse panel offers the verse as a share image.
     */
    @Test
    void exportNotesAsAPdfAndShareAVerseAsAnImage() {
        signUpInTheBrowser("exporter");
        page.navigate("/read/KJV/John/3?v=16#v16");
        page.locator(".note-form textarea").fill("printed with its verse");
        page.locator(".note-form button[type=submit]").click();
        assertThat(page.locator(".my-notes li")).hasCount(1);
        Locator share = page.locator(".verse-panel .share a").first();
        assertThat(share).hasAttribute("href", "/v1/images/verses/KJV/John.3.16.png?design=parchment");
        com.microsoft.playwright.APIResponse image = page.request().get(share.getAttribute("href"));
        org.assertj.core.api.Assertions.assertThat(image.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(image.headers().get("content-type")).isEqualTo("image/png");

        page.navigate("/account");
        page.getByLabel("Format").selectOption("pdf");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export")).click();
        Locator download = page.locator("#export-list a", new Page.LocatorOptions().setHasText("Download"));
        assertThat(download).hasCount(1);
        assertThat(page.locator("#export-list li")).containsText("PDF (KJV)");
        com.microsoft.playwright.APIResponse pdf = page.request().get(download.getAttribute("href"));
        org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        BrowserSupport.screenshot(page, "exports");
    }

    @Test
    void registerAWebhookSendATestAndReadItsDeliveries() throws Exception {
        java.util.List<String> received = new CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            signUpInTheBrowser("integrator");
            page.navigate("/me/webhooks");
            page.getByLabel("Endpoint URL (https)").fill("ftp://example.test/hook");
            page.getByLabel(Pattern.compile("corpus\\.updated")).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint")).click();
            assertThat(page.locator("#webhook-error")).containsText("https");
            assertThat(page.locator("#webhooks-list li.webhook")).hasCount(0);

            page.getByLabel("Endpoint URL (https)").fill("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            page.getByLabel("Description").fill("my server");
            page.getByLabel(Pattern.compile("study\\.note\\.created")).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint")).click();
            assertThat(page.locator("#webhook-secret")).containsText("whsec_");
            Locator endpoint = page.locator("#webhooks-list li.webhook");
            assertThat(endpoint).hasCount(1);
            assertThat(endpoint).containsText("study.note.created");

            endpoint.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send test")).click();
            assertThat(endpoint.locator(".status")).hasText("Test message queued.");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> !received.isEmpty());
            org.assertj.core.api.Assertions.assertThat(received.getFirst()).contains("\"type\":\"webhook.test\"");
            endpoint.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deliveries")).click();
            assertThat(endpoint.locator(".deliveries li").first()).containsText("webhook.test attempt 1: delivered (HTTP 204)");
            BrowserSupport.screenshot(page, "webhooks");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void badAddressesGetClearErrorPages() {
        var missingBook = page.navigate("/read/KJV/Nope/1");
        assertThat(missingBook.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("No such book");
        var missingChapter = page.navigate("/read/KJV/John/22");
        assertThat(missingChapter.status()).isEqualTo(404);
        assertThat(page.locator("main")).containsText("John has 21 chapters");
        var badReference = page.navigate("/read?ref=" + "nonsense words");
        assertThat(badReference.status()).isEqualTo(400);
        assertThat(page.locator("h1")).hasText("Reference not understood");
        var nowhere = page.navigate("/no/such/page");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page not found");
        BrowserSupport.screenshot(page, "not-found");
    }

    @Test
    void readingAndSearchWorkWithoutJavaScript() {
        try (BrowserContext noScript = browsers.browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setJavaScriptEnabled(false))) {
            Page plain = noScript.newPage();
            plain.navigate("/");
            plain.locator("#go-ref").fill("Psalm 23");
            plain.locator("#go-ref").press("Enter");
            plain.waitForURL("**/read/KJV/Ps/23");
            assertThat(plain.locator("#v1")).containsText("is my shepherd");
            plain.locator("#v4 a.vn").click();
            assertThat(plain.locator("#panel .verse-panel h2")).hasText("Psalms 23:4");
            plain.locator("#site-q").fill("shepherd");
            plain.locator("#site-q").press("Enter");
            assertThat(plain.locator("ol.hits li").first()).containsText("shepherd");
            BrowserSupport.screenshot(plain, "no-javascript-search");
        }
    }
}
