package org.gospelib.identity;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * The public keys that verify the built-in provider's access tokens: the signing key and the
 * retired ones whose tokens may still be unexpired. What {@code /.well-known/jwks.json} serves.
 */
public interface PublicKeys {

    JWKSet publicKeys();
}
