package org.gospelib.notifications.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.gospelib.identity.AccountLinks;
import org.gospelib.jobs.Jobs;
import org.gospelib.notifications.NotificationsProperties;
import org.gospelib.platform.GospelibProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsProperties.class)
class NotificationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

    @Bean
    MailTransport mailTransport(NotificationsProperties properties, GospelibProperties gospelib,
            ObjectProvider<JavaMailSender> smtp) {
        NotificationsProperties.Mail mail = properties.mail();
        MailTransport transport = switch (mail.kind()) {
            case MAILBOX -> new MailboxTransport(mail.mailboxFolder().orElse(gospelib.dataDir().resolve("mailbox")), mail.from());
            case SMTP -> new SmtpTransport(smtp.getIfAvailable(() -> {
                throw new IllegalStateException("gospelib.notifications.mail.transport=smtp needs spring.mail.host");
            }), mail.from());
            case RESEND -> new ResendTransport(mail.resend().baseUrl(), mail.resend().apiKey(), mail.from());
        };
        if (transport instanceof MailboxTransport mailbox) {
            log.info("mail goes to the folder {} (set gospelib.notifications.mail.transport to smtp or resend to send it)",
                    mailbox.folder().toAbsolutePath());
        }
        return transport;
    }

    @Bean
    DeliveryLog deliveryLog(JdbcClient jdbc) {
        return new DeliveryLog(jdbc);
    }

    @Bean
    AccountEmailJob accountEmailJob(AccountLinks links, MailTransport transport, DeliveryLog deliveries,
            NotificationsProperties properties, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        return new AccountEmailJob(links, transport, new MailTemplates(), deliveries, properties.publicUrl(), transactions, clock,
                meters);
    }

    @Bean
    AccountEmailListener accountEmailListener(Jobs jobs, DeliveryLog deliveries, TransactionTemplate transactions) {
        return new AccountEmailListener(jobs, deliveries, transactions);
    }
}
