package org.gospelib.billing;

import java.util.UUID;

/** The entitlements of a reader's current plan (the free plan's when they have no subscription). */
public interface ReaderEntitlements {

    Entitlements of(UUID userId);
}
