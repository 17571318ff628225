package org.gospelib.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gospelib.platform.ProblemException;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private final WebhookTargets shipped = new WebhookTargets(false, false);

    @Test
    void privateLoopbackLinkLocalAndReservedTargetsAreRefused() {
        for (String url : List.of("https://127.0.0.1/hook", "https://127.1.2.3/", "https://localhost/hook", "https://10.1.2.3/",
                "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/",
                "https://[::ffff:10.0.0.1]/", "https://[::ffff:127.0.0.1]/", "https://224.0.0.1/", "https://255.255.255.255/",
                "https://198.18.0.1/", "https://[64:ff9b::a00:1]/", "https://[2002:a00:1::]/", "https://2130706433/")) {
            assertThatThrownBy(() -> shipped.check(url)).as(url).isInstanceOfSatisfying(ProblemException.class,
                    p -> assertThat(p.type()).isEqualTo("webhook-target-not-allowed"));
        }
    }

    @Test
    void onlyHttpsUrlsWithAHostAndNoCredentials() {
        for (String url : List.of("http://93.184.215.14/hook", "ftp://93.184.215.14/", "https:///nohost", "not a url",
                "https://user:pass@93.184.215.14/", "https://93.184.215.14/#frag", "javascript:alert(1)", "",
                "https://93.184.215.14/" + "a".repeat(3000))) {
            assertThatThrownBy(() -> shipped.check(url)).as(url).isInstanceOfSatisfying(ProblemException.class,
                    p -> assertThat(p.type()).isIn("invalid-webhook-endpoint", "webhook-target-not-allowed"));
        }
        assertThat(shipped.check("https://93.184.215.14:8443/hooks/gospelib").getPort()).isEqualTo(8443);
        assertThat(shipped.check("https://[2606:4700::1111]/hook").getHost()).isEqualTo("[2606:4700::1111]");
    }

    @Test
    void testsAndClosedNetworksCanAllowPlainHttpAndPrivateTargets() {
        WebhookTargets open = new WebhookTargets(true, true);
        assertThat(open.check("http://127.0.0.1:8080/hook").getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> new WebhookTargets(true, false).check("http://127.0.0.1:8080/hook"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndCapped() {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        assertThat(WebhookDelivery.retryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(WebhookDelivery.retryAfter("Thu, 03 Dec 2026 12:10:00 GMT", now)).contains(Duration.ofMinutes(10));
        assertThat(WebhookDelivery.retryAfter("Thu, 03 Dec 2026 11:10:00 GMT", now)).contains(Duration.ZERO);
        assertThat(WebhookDelivery.retryAfter("9999999", now)).contains(Duration.ofHours(24));
        assertThat(WebhookDelivery.retryAfter("soon", now)).isEmpty();
        assertThat(WebhookDelivery.retryAfter("-5", now)).isEmpty();
    }
}
