package org.gospelib.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.gospelib.GospelibApplication;
import org.gospelib.assistant.LocalModels;
import org.gospelib.billing.LocalStripe;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, collapsed, with the real corpus ingested into a real
 * PostgreSQL (embedded, under {@code target/test-data}). All test classes share one context.
 * Stripe is a local server speaking its API ({@link LocalStripe}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = GospelibApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gospelib.data-dir=target/test-data",
                "gospelib.ingest.on-start=incremental",
                "gospelib.content.poll-interval=1s",
                // API tests call anonymously from one address far more often than a reader would;
                // a user on the free plan meets their limit quickly, so the limiter can be tested.
                "gospelib.rate-limit.anonymous.capacity=1000000",
                "gospelib.rate-limit.free.capacity=40",
                "gospelib.identity.admin-emails=admin@gospelib.test",
                // failed event publications come back within seconds, and give up after three tries
                "gospelib.events.max-attempts=3",
                "gospelib.events.retry-delay=500ms",
                "gospelib.events.resubmit-interval=1s",
                // webhooks go to a receiver on loopback over plain http: allowed by explicit configuration only
                "gospelib.webhooks.allow-http=true",
                "gospelib.webhooks.allow-private-targets=true",
                // browsers' push services stand on loopback in the tests
                "gospelib.notifications.push.allow-private-endpoints=true",
                // Resend's bounce webhook, signed with this test secret
                "gospelib.notifications.mail.resend.webhook-secret=whsec_dGVzdCBzZWNyZXQgb2YgdGhlIGJvdW5jZSB3ZWJob29r",
                "logging.file.name=target/test-data/logs/gospelib.log"
        })
@ContextConfiguration(initializers = {LocalStripe.Initializer.class, LocalModels.Initializer.class})
public @interface GospelibTest {
}
