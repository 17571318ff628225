package org.gospelib.billing;

import java.net.URI;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Billing settings, bound from {@code gospelib.billing.*}. Without a Stripe secret key nobody can
 * subscribe (checkout answers 503 {@code billing-not-configured}) and everyone is on the free plan.
 *
 * @param stripe    the Stripe account
 * @param returnUrl the page Checkout and the Customer Portal send the reader back to
 */
@ConfigurationProperties("gospelib.billing")
public record BillingProperties(Stripe stripe, URI returnUrl) {

    public BillingProperties {
        if (stripe == null) stripe = new Stripe(null, null, null, null, null);
        if (returnUrl == null) returnUrl = URI.create("http://localhost:8080/account");
    }

    /**
     * @param secretKey        the API's secret key ({@code sk_live_…}, {@code sk_test_…}, or a restricted {@code rk_…})
     * @param webhookSecret    the signing secret of the webhook endpoint ({@code whsec_…}); without it the webhook answers 404
     * @param apiBase          Stripe's API; Stripe's own if empty
     * @param plusMonthlyPrice the Stripe price of Plus by the month ({@code price_…})
     * @param plusYearlyPrice  the Stripe price of Plus by the year
     */
    public record Stripe(String secretKey, String webhookSecret, URI apiBase, String plusMonthlyPrice, String plusYearlyPrice) {
        public Stripe {
            if (secretKey == null) secretKey = "";
            if (webhookSecret == null) webhookSecret = "";
            if (apiBase == null) apiBase = URI.create("https://api.stripe.com");
            if (plusMonthlyPrice == null) plusMonthlyPrice = "";
            if (plusYearlyPrice == null) plusYearlyPrice = "";
        }

        public Optional<String> key() {
            return secretKey.isBlank() ? Optional.empty() : Optional.of(secretKey);
        }
    }
}
