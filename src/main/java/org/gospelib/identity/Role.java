package org.gospelib.identity;

import java.util.Locale;
import java.util.Optional;

/** What a user may do beyond reading public content. */
public enum Role {
    USER, ADMIN;

    /** The name used in tokens and the database. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) if (role.claim().equals(value)) return Optional.of(role);
        return Optional.empty();
    }
}
