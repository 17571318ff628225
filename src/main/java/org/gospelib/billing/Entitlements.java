package org.gospelib.billing;

import org.gospelib.identity.Plan;

/**
 * What a reader's plan lets them do. Features read these, never the plan's name, so what a plan
 * grants is decided here, in one place ({@link #of}).
 *
 * @param rateTier                  the gateway's rate-limit tier ({@code free} or {@code plus})
 * @param assistantQuestionsPerHour questions the study assistant answers the reader in an hour
 * @param exportItems               notes, highlights and bookmarks one export may hold
 */
public record Entitlements(String rateTier, int assistantQuestionsPerHour, int exportItems) {

    private static final Entitlements FREE = new Entitlements("free", 10, 2_000);
    private static final Entitlements PLUS = new Entitlements("plus", 100, 100_000);

    public Entitlements {
        if (rateTier == null || rateTier.isBlank()) throw new IllegalArgumentException("a rate tier is needed");
        if (assistantQuestionsPerHour < 0 || exportItems < 0) throw new IllegalArgumentException("limits are not negative");
    }

    /** What each plan grants. */
    public static Entitlements of(Plan plan) {
        return switch (plan) {
            case FREE -> FREE;
            case PLUS -> PLUS;
        };
    }
}
