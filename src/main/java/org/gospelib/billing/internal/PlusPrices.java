package org.gospelib.billing.internal;

import java.util.Locale;
import java.util.Optional;
import org.gospelib.identity.Plan;

/** The Stripe prices of the Plus plan, and what a reader asks for by name. */
record PlusPrices(String monthly, String yearly) {

    /** The price of {@code plus-monthly} or {@code plus-yearly}, if it is configured. */
    Optional<String> byName(String name) {
        String price = switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "plus-monthly" -> monthly;
            case "plus-yearly" -> yearly;
            default -> "";
        };
        return price.isBlank() ? Optional.empty() : Optional.of(price);
    }

    /** The name of a configured price: {@code plus-monthly}; empty for a price GospeLib does not sell. */
    Optional<String> nameOf(String priceId) {
        if (!monthly.isBlank() && monthly.equals(priceId)) return Optional.of("plus-monthly");
        if (!yearly.isBlank() && yearly.equals(priceId)) return Optional.of("plus-yearly");
        return Optional.empty();
    }

    /** The plan a subscription to this price buys: Plus for Plus's prices, nothing for another price. */
    Plan planOf(String priceId) {
        return nameOf(priceId).isPresent() ? Plan.PLUS : Plan.FREE;
    }
}
