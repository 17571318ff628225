package org.gospelib.notifications.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.gospelib.content.ScriptureText;
import org.gospelib.identity.AccountLinks;
import org.gospelib.identity.Accounts;
import org.gospelib.jobs.RecurringJob;
import org.gospelib.study.PlanDays;
import org.gospelib.jobs.Jobs;
import org.gospelib.notifications.NotificationsProperties;
import org.gospelib.platform.GospelibProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
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
            // a transport that is not fully configured fails each send (logged, retried, then a dead
            // job operators see) rather than the start: one-off commands (migrate, backup) need no mail
            case SMTP -> smtp.getIfAvailable() == null
                    ? new UnconfiguredTransport("smtp", "gospelib.notifications.mail.transport=smtp needs spring.mail.host")
                    : new SmtpTransport(smtp.getObject(), mail.from());
            case RESEND -> mail.resend().apiKey().isBlank()
                    ? new UnconfiguredTransport("resend", "gospelib.notifications.mail.resend.api-key is needed to send mail with Resend")
                    : new ResendTransport(mail.resend().baseUrl(), mail.resend().apiKey(), mail.from());
        };
        if (transport instanceof UnconfiguredTransport unconfigured) log.warn("mail cannot be sent: {}", unconfigured.why());
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
    Suppressions suppressions(JdbcClient jdbc) {
        return new Suppressions(jdbc);
    }

    @Bean
    PreferenceStore preferenceStore(JdbcClient jdbc, JdbcTemplate batches) {
        return new PreferenceStore(jdbc, batches);
    }

    @Bean
    PreferenceRules preferenceRules(ScriptureText text) {
        return new PreferenceRules(text);
    }

    @Bean
    MailTemplates mailTemplates() {
        return new MailTemplates();
    }

    @Bean
    MailDelivery mailDelivery(MailTransport transport, MailTemplates templates, DeliveryLog deliveries, Suppressions suppressions,
            TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        return new MailDelivery(transport, templates, deliveries, suppressions, transactions, clock, meters);
    }

    @Bean
    AccountEmailJob accountEmailJob(AccountLinks links, MailDelivery mail, NotificationsProperties properties) {
        return new AccountEmailJob(links, mail, properties.publicUrl());
    }

    @Bean
    ExportReadyEmail exportReadyEmail(org.gospelib.identity.Accounts accounts, MailDelivery mail, NotificationsProperties properties) {
        return new ExportReadyEmail(accounts, mail, properties.publicUrl());
    }

    @Bean
    ExportReadyEmail.Listener exportReadyListener(org.gospelib.jobs.Jobs jobs) {
        return new ExportReadyEmail.Listener(jobs);
    }

    @Bean
    PushSubscriptions pushSubscriptions(JdbcClient jdbc) {
        return new PushSubscriptions(jdbc);
    }

    /** Made (and stored) by the first process that needs it; every replica signs with the same key. */
    @Bean
    VapidKeys vapidKeys(JdbcClient jdbc, NotificationsProperties properties) {
        String subject = properties.push().subject();
        if (subject.isBlank()) {
            String from = properties.mail().from();
            int lt = from.indexOf('<');
            subject = "mailto:" + (lt >= 0 ? from.substring(lt + 1, from.indexOf('>', lt)) : from.strip());
        }
        return VapidKeys.stored(jdbc, subject);
    }

    @Bean
    WebPushSender webPushSender(VapidKeys keys, NotificationsProperties properties, Clock clock) {
        return new WebPushSender(keys, properties.push().allowPrivateEndpoints(), clock);
    }

    @Bean
    PushDevices pushDevices(JdbcClient jdbc) {
        return new PushDevices(jdbc);
    }

    /** The Android app's devices, when a Firebase service account key is configured. */
    @Bean
    @ConditionalOnProperty("gospelib.notifications.push.fcm.service-account")
    FcmSender fcmSender(NotificationsProperties properties) throws java.io.IOException {
        NotificationsProperties.Fcm fcm = properties.push().fcm();
        return FcmSender.fromServiceAccount(fcm.key().orElseThrow(), fcm.baseUrl());
    }

    /** The iOS app's devices, when an APNs authentication key is configured. */
    @Bean
    @ConditionalOnProperty("gospelib.notifications.push.apns.signing-key")
    ApnsSender apnsSender(NotificationsProperties properties, Clock clock) throws Exception {
        return ApnsSender.create(properties.push().apns(), clock);
    }

    @Bean
    PushDelivery pushDelivery(PushSubscriptions subscriptions, WebPushSender sender, PushDevices devices,
            ObjectProvider<DeviceSender> deviceSenders, DeliveryLog deliveries, TransactionTemplate transactions, Clock clock,
            MeterRegistry meters) {
        return new PushDelivery(subscriptions, sender, devices, deviceSenders.orderedStream().toList(), deliveries, transactions,
                clock, meters);
    }

    @Bean
    ReminderJob reminderJob(PreferenceStore preferences, Accounts accounts, PlanDays plans, ScriptureText text, MailDelivery mail,
            PushDelivery push, MailTemplates templates, NotificationsProperties properties) {
        return new ReminderJob(preferences, accounts, plans, text, mail, push, templates, properties.publicUrl());
    }

    @Bean
    ReminderSweep reminderSweep(PreferenceStore preferences, ObjectProvider<Jobs> jobs, TransactionTemplate transactions, Clock clock) {
        return new ReminderSweep(preferences, jobs, transactions, clock);
    }

    /** Reminders come due every minute somewhere; the sweep turns them into jobs. */
    @Bean
    RecurringJob reminderSweepJob(ReminderSweep sweep) {
        return RecurringJob.every("notifications.reminder-sweep", Duration.ofMinutes(1), sweep::run);
    }

    @Bean
    AccountEmailListener accountEmailListener(Jobs jobs, DeliveryLog deliveries, PreferenceStore preferences,
            PushSubscriptions subscriptions, PushDevices devices, TransactionTemplate transactions) {
        return new AccountEmailListener(jobs, deliveries, preferences, subscriptions, devices, transactions);
    }
}
