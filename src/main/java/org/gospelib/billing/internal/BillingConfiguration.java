package org.gospelib.billing.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.gospelib.billing.BillingProperties;
import org.gospelib.billing.Entitlements;
import org.gospelib.billing.ReaderEntitlements;
import org.gospelib.identity.PlanAssignments;
import org.gospelib.jobs.RecurringJob;
import org.gospelib.platform.IrreplaceableData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class BillingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    @Bean
    StripeApi stripeApi(BillingProperties properties) {
        if (properties.stripe().key().isEmpty()) log.info("billing: no Stripe key (gospelib.billing.stripe.secret-key); nobody can subscribe");
        return StripeApi.create(properties.stripe().secretKey(), properties.stripe().apiBase());
    }

    @Bean
    SubscriptionStore subscriptionStore(JdbcClient jdbc) {
        return new SubscriptionStore(jdbc);
    }

    @Bean
    PlusPrices plusPrices(BillingProperties properties) {
        return new PlusPrices(properties.stripe().plusMonthlyPrice(), properties.stripe().plusYearlyPrice());
    }

    @Bean
    SubscriptionSync subscriptionSync(StripeApi stripe, SubscriptionStore store, PlusPrices prices, PlanAssignments plans,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        return new SubscriptionSync(stripe, store, prices, plans, events, transactions, clock);
    }

    @Bean
    Reconciliation reconciliation(StripeApi stripe, SubscriptionStore store, SubscriptionSync sync) {
        return new Reconciliation(stripe, store, sync);
    }

    /** Every night, after Stripe's own retries of the day's failed deliveries. */
    @Bean
    RecurringJob billingReconciliationJob(Reconciliation reconciliation, BillingProperties properties) {
        return RecurringJob.cron("billing.reconcile", "0 20 3 * * *", ZoneOffset.UTC, () -> {
            if (properties.stripe().key().isPresent()) reconciliation.run();
        });
    }

    @Bean
    BillingCleanup billingCleanup(BillingProperties properties, StripeApi stripe, SubscriptionStore store,
            TransactionTemplate transactions) {
        return new BillingCleanup(properties, stripe, store, transactions);
    }

    @Bean
    ReaderEntitlements readerEntitlements(SubscriptionStore store) {
        return userId -> Entitlements.of(store.plan(userId));
    }

    /** Which reader is whose Stripe customer, and what they pay for: nothing rebuilds it but Stripe's records. */
    @Bean
    IrreplaceableData billingTables() {
        return new IrreplaceableData() {
            @Override
            public String module() {
                return "billing";
            }

            @Override
            public List<String> tables() {
                return List.of("billing_customer", "billing_subscription", "billing_event");
            }
        };
    }
}
