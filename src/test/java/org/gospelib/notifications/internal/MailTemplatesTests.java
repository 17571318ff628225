package org.gospelib.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.gospelib.identity.AccountEmail;
import org.junit.jupiter.api.Test;

/** Every account email in every language: written whole, links in both formats, what it quotes escaped. */
class MailTemplatesTests {

    final MailTemplates templates = new MailTemplates();

    @Test
    void everyAccountEmailIsWrittenInEveryLanguage() {
        for (AccountEmail email : AccountEmail.values()) {
            for (String language : MailTemplates.LANGUAGES) {
                Optional<URI> link = email.carriesLink() ? Optional.of(URI.create("https://gospelib.example/account/x#token=acct_T"))
                        : Optional.empty();
                MailTemplates.Written written = templates.write(new MailTemplates.Content(AccountEmailJob.name(email), link,
                        List.of("<script>alert(1)</script>@example.test"), Optional.empty()), language);
                assertThat(written.subject()).as(email + " " + language).isNotBlank().doesNotContain("??");
                assertThat(written.text()).as(email + " " + language).doesNotContain("??", "[(", "th:");
                assertThat(written.html()).doesNotContain("<script>").doesNotContain("??");
                link.ifPresent(l -> {
                    assertThat(written.text()).contains(l.toString());
                    assertThat(written.html()).contains("href=\"" + l + "\"");
                });
                if (email == AccountEmail.EMAIL_CHANGED) {
                    assertThat(written.text()).contains("<script>alert(1)</script>@example.test");
                    assertThat(written.html()).contains("&lt;script&gt;");
                }
            }
        }
        MailTemplates.Written english = templates.write(new MailTemplates.Content("password-reset", Optional.empty(), List.of(""),
                Optional.empty()), "en");
        MailTemplates.Written spanish = templates.write(new MailTemplates.Content("password-reset", Optional.empty(), List.of(""),
                Optional.empty()), "es");
        assertThat(english.subject()).isEqualTo("Choose a new password");
        assertThat(spanish.subject()).isEqualTo("Elige una contraseña nueva");
        assertThat(templates.write(new MailTemplates.Content("password-reset", Optional.empty(), List.of(""), Optional.empty()), "fr")
                .subject()).as("an unknown language is written in English").isEqualTo("Choose a new password");
    }

    @Test
    void anEmailThatIsNotTransactionalCarriesItsUnsubscribeLink() {
        URI unsubscribe = URI.create("https://gospelib.example/u/abc");
        MailTemplates.Written written = templates.write(new MailTemplates.Content("password-changed", Optional.empty(), List.of(""),
                Optional.of(unsubscribe)), "es");
        assertThat(written.text()).contains("Darte de baja de estos correos: " + unsubscribe);
        assertThat(written.html()).contains("href=\"" + unsubscribe + "\"");
    }
}
