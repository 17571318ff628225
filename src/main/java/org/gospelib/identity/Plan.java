package org.gospelib.identity;

import java.util.Locale;

/** A user's plan: everyone starts on free; billing sets it from their subscription (see {@link PlanAssignments}). */
public enum Plan {
    FREE, PLUS;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plan a claim names; anything unknown is free. */
    public static Plan fromClaim(String value) {
        for (Plan plan : values()) if (plan.claim().equals(value)) return plan;
        return FREE;
    }
}
