package org.gospelib.identity.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.gospelib.identity.IdentityProperties;
import org.gospelib.platform.WebhookSignature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the identity module for the configured provider. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    @Bean
    @ConditionalOnExpression("'${gospelib.identity.provider:built-in}' == 'built-in'")
    KeyRing keyRing(JdbcClient jdbc, TransactionTemplate transactions, IdentityProperties properties, Clock clock,
            @Value("${gospelib.one-off-command:false}") boolean oneOffCommand) {
        KeyRing ring = new KeyRing(jdbc, transactions, properties, clock);
        // a one-off command (migrate, backup, restore) signs nothing and must not write a first key
        // into a database it is about to restore
        if (oneOffCommand) ring.reload();
        else ring.refresh();
        return ring;
    }

    @Bean
    WebSessionStore webSessions(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
        return new WebSessionStore(jdbc, properties.sessionTtl(), clock);
    }

    @Bean
    UserStore userStore(JdbcClient jdbc) {
        return new UserStore(jdbc);
    }

    @Bean
    Passwords passwords(IdentityProperties properties) {
        return new Passwords(properties.password());
    }

    @Bean
    RefreshTokens refreshTokens(JdbcClient jdbc, IdentityProperties properties) {
        return new RefreshTokens(jdbc, properties.refreshTokenTtl());
    }

    @Bean
    SignInThrottle signInThrottle(JdbcClient jdbc) {
        return new SignInThrottle(jdbc);
    }

    @Bean
    AccountEmails accountEmails(UserStore users, JdbcClient jdbc, Passwords passwords, RefreshTokens refreshTokens,
            WebSessionStore sessions, SignInThrottle throttle, IdentityProperties properties, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        return new AccountEmails(users, new AccountRequests(jdbc), passwords, refreshTokens, sessions, throttle, properties,
                transactions, events, clock);
    }

    @Bean
    IdentityService identityService(UserStore users, Passwords passwords, RefreshTokens refreshTokens, WebSessionStore sessions,
            Optional<KeyRing> keys, IdentityProperties properties, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock, SignInThrottle throttle, AccountEmails accountEmails,
            MeterRegistry meters) {
        return new IdentityService(users, passwords, refreshTokens, sessions, keys, properties, transactions, events, clock,
                throttle, accountEmails, meters);
    }

    @Bean
    @ConditionalOnExpression("'${gospelib.identity.external.webhook-secret:}' != ''")
    ClerkWebhooks clerkWebhooks(IdentityProperties properties, JdbcClient jdbc, UserStore users,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        return new ClerkWebhooks(WebhookSignature.forSecret(properties.external().webhookSecret()),
                new ClerkUserSync(jdbc, users, transactions, events, clock), clock);
    }
}
