package org.gospelib.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings, bound from {@code gospelib.identity.*}. Every key has a default that works
 * collapsed with nothing configured: the built-in provider, keys generated on first start and kept
 * in PostgreSQL.
 *
 * @param provider          {@code built-in} (default) or {@code external} (Clerk or any OpenID issuer)
 * @param issuer            {@code iss} of the built-in provider's tokens
 * @param audience          {@code aud} of the built-in provider's tokens
 * @param accessTokenTtl    lifetime of an access token
 * @param refreshTokenTtl   lifetime of a refresh token (each refresh issues a new one)
 * @param sessionTtl        lifetime of a web session cookie
 * @param keyRotation       how often a new signing key takes over
 * @param clockSkew         tolerance for {@code exp} and {@code nbf}
 * @param adminEmails       accounts signing up with these emails get the admin role
 * @param password          password rules
 * @param external          the external provider, when {@code provider=external}
 */
@ConfigurationProperties("gospelib.identity")
public record IdentityProperties(String provider, String issuer, String audience, Duration accessTokenTtl,
        Duration refreshTokenTtl, Duration sessionTtl, Duration keyRotation, Duration clockSkew,
        List<String> adminEmails, Password password, External external) {

    public IdentityProperties {
        if (provider == null || provider.isBlank()) provider = "built-in";
        if (!provider.equals("built-in") && !provider.equals("external")) {
            throw new IllegalArgumentException("gospelib.identity.provider must be built-in or external, not " + provider);
        }
        if (issuer == null || issuer.isBlank()) issuer = "urn:gospelib";
        if (audience == null || audience.isBlank()) audience = "gospelib-api";
        if (accessTokenTtl == null) accessTokenTtl = Duration.ofMinutes(15);
        if (refreshTokenTtl == null) refreshTokenTtl = Duration.ofDays(30);
        if (sessionTtl == null) sessionTtl = Duration.ofHours(12);
        if (keyRotation == null) keyRotation = Duration.ofDays(30);
        if (clockSkew == null) clockSkew = Duration.ofSeconds(30);
        adminEmails = adminEmails == null ? List.of() : List.copyOf(adminEmails);
        if (password == null) password = new Password(10, 256);
        if (external == null) external = new External("", "", "", List.of(), "");
    }

    public boolean builtIn() {
        return provider.equals("built-in");
    }

    /**
     * @param minLength shortest password accepted
     * @param maxLength longest password accepted: hashing cost must not be the caller's to choose
     */
    public record Password(int minLength, int maxLength) {
        public Password {
            if (minLength <= 0) minLength = 10;
            if (maxLength <= 0) maxLength = 256;
        }
    }

    /**
     * @param issuer            the provider's {@code iss}, e.g. {@code https://clerk.example.com}
     * @param jwksUrl           where its public keys are, e.g. {@code https://clerk.example.com/.well-known/jwks.json}
     * @param audience          required {@code aud}, if the provider sets one (Clerk does not by default)
     * @param authorizedParties accepted {@code azp} values (Clerk: the origins of your front ends); empty accepts any
     * @param webhookSecret     the Svix signing secret of the user webhooks ({@code whsec_…})
     */
    public record External(String issuer, String jwksUrl, String audience, List<String> authorizedParties,
            String webhookSecret) {
        public External {
            if (issuer == null) issuer = "";
            if (jwksUrl == null) jwksUrl = "";
            if (audience == null) audience = "";
            authorizedParties = authorizedParties == null ? List.of() : List.copyOf(authorizedParties);
            if (webhookSecret == null) webhookSecret = "";
        }

        public Optional<URI> jwksUri() {
            return jwksUrl.isBlank() ? Optional.empty() : Optional.of(URI.create(jwksUrl));
        }
    }
}
