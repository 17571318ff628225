package org.gospelib.jobs.internal;

import java.time.Duration;
import org.gospelib.jobs.RecurringJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recurring jobs the jobs module runs itself. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    RecurringJob outboxResubmission(OutboxRetries outbox, @Value("${gospelib.events.resubmit-interval:15s}") Duration every) {
        return RecurringJob.every("outbox-resubmit", every, outbox::resubmitDue);
    }
}
