package org.gospelib.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.UUID;
import org.gospelib.jobs.JobPriority;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.gospelib.jobs.RecordingJobs;
import org.gospelib.support.Readers;
import org.gospelib.web.BrowserSupport;
import org.gospelib.web.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console in Chromium: an operator's full round, and a reader who finds nothing there. */
class ConsoleBrowserTests extends BrowserTest {

    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void acceptDialogs() {
        // the console asks before it changes anything; the operator says yes
        page.onDialog(Dialog::accept);
    }

    void signIn(String email) {
        page.navigate("/signin");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Readers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/");
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator fact(String name) {
        return page.locator("#reader dt:text-is('" + name + "') + dd");
    }

    @Test
    void anOperatorFindsAReaderLocksPromotesAndDeletesThemAndReadsItAllInTheAuditLog() {
        Readers.admin(http);
        String email = Readers.signUp(http);
        Readers.bearer(http, email);
        String doomed = "console-" + UUID.randomUUID();
        jobs.enqueue(JobRequest.of(RecordingJobs.KIND, doomed, new RecordingJobs.Payload("doomed", 99)).withPriority(JobPriority.HIGH));

        signIn(Readers.ADMIN_EMAIL);
        page.navigate("/admin");
        assertThat(page.locator("h1")).hasText("Overview");
        assertThat(page.locator("#overview-queues tbody tr").first()).isVisible();
        assertThat(page.locator("#glance-sign-ups")).containsText("sign-ups today");
        assertThat(page.locator("#glance-requests")).containsText("requests this hour");

        // find the reader by part of the address, open them
        page.getByLabel("Email or name").fill(email.substring(7, 20));
        button("Find").click();
        page.waitForURL("**/admin/readers?q=*");
        assertThat(page.locator("#readers tbody tr")).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(email)).click();
        assertThat(page.locator("h1")).hasText(email);
        assertThat(fact("Sign-ins")).hasText("1");
        assertThat(fact("State")).hasText("active");
        BrowserSupport.screenshot(page, "console-reader");

        button("Lock").click();
        assertThat(fact("State")).containsText("locked");
        assertThat(button("Lock")).isHidden();
        assertThat(page.locator("#reader-history tbody tr").first()).containsText("reader.lock");
        button("Unlock").click();
        assertThat(fact("State")).hasText("active");
        button("Make admin").click();
        assertThat(fact("Roles")).hasText("user, admin");
        button("Remove admin").click();
        assertThat(fact("Roles")).hasText("user");
        assertThat(page.locator("#reader-history tbody tr")).hasCount(4);
        // who: the operator, by email
        assertThat(page.locator("#reader-history tbody tr").first().locator("td").nth(1)).hasText(Readers.ADMIN_EMAIL);

        // background work: the job that died is discarded
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from job_dead where job_key = ?")
                .param(doomed).query(Integer.class).single() == 1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Background work")).click();
        Locator row = page.locator("#dead-jobs tbody tr", new Page.LocatorOptions().setHasText(doomed));
        assertThat(row).containsText("planned failure 3");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Discard")).click();
        assertThat(row).hasCount(0);
        assertThat(page.locator("#queues tbody tr").first()).isVisible();

        // the corpus: translations, the ingest runs, and an incremental ingest asked for
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Corpus")).click();
        assertThat(page.locator("#translations")).containsText("KJV");
        assertThat(page.locator("#ingest-runs tbody tr").first()).isVisible();
        button("Ingest changes").click();
        assertThat(page.locator(".console-status")).hasText("Done.");

        assertThat(page.locator("#corpus")).containsText("mapped from the snapshot file");
        assertThat(page.locator("#modules")).containsText("KJV");
        assertThat(page.locator("#search-indexes")).containsText("KJV");

        // traffic: three hourly charts, and a bar a day for the sign-ups of the last thirty days
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Traffic")).click();
        assertThat(page.locator("#chart-requests svg rect")).hasCount(24);
        assertThat(page.locator("#chart-p99 svg")).isVisible();
        assertThat(page.locator("#chart-jobs svg rect")).hasCount(24);
        assertThat(page.locator("#chart-sign-ups svg rect")).hasCount(30);
        BrowserSupport.screenshot(page, "console-traffic");

        // deliveries, subscriptions, and a key rotation asked for
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deliveries")).click();
        assertThat(page.locator("#notifications")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscriptions")).click();
        assertThat(page.locator("#subscription-counts")).containsText("active");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keys")).click();
        assertThat(page.locator("#keys tbody")).containsText("signing");
        String signing = page.locator("#keys tbody tr", new Page.LocatorOptions().setHasText("signing")).locator("td").first().textContent();
        button("Rotate now").click();
        assertThat(page.locator(".console-status")).hasText("Done.");
        assertThat(page.locator("#keys tbody tr").first()).containsText("waiting");
        assertThat(page.locator("#keys tbody tr", new Page.LocatorOptions().setHasText("signing"))).containsText(signing);

        // every change in the audit log, newest first
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log")).click();
        Locator actions = page.locator("#audit tbody tr td:nth-child(3)");
        assertThat(actions.first()).hasText("keys.rotate");
        assertThat(page.locator("#audit tbody")).containsText("ingest.start");
        assertThat(page.locator("#audit tbody")).containsText("job.discard");
        assertThat(page.locator("#audit tbody")).containsText("reader.lock");
        BrowserSupport.screenshot(page, "console-audit");

        // and the reader deleted
        page.navigate("/admin/readers?q=" + email.substring(7, 20));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(email)).click();
        button("Delete account").click();
        page.waitForURL("**/admin/readers");
        assertThat(http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + Readers.PASSWORD + "\"}")
                .status()).isEqualTo(401);
    }

    @Test
    void aReaderFindsNoConsole() {
        String email = Readers.signUp(http);
        signIn(email);
        for (String path : ConsoleTests.PAGES) {
            var answer = page.navigate(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(page.locator("h1")).hasText("Page not found");
        }
    }
}
