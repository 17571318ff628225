package org.gospelib.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One RS256 key pair of the built-in provider.
 *
 * @param retiredAt when it stopped signing; it stays published until the tokens it signed expire
 */
record SigningKey(RSAKey jwk, Instant createdAt, Optional<Instant> retiredAt) {

    static SigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new SigningKey(jwk, now, Optional.empty());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SigningKey restore(String publicJwk, byte[] pkcs8, Instant createdAt, Optional<Instant> retiredAt) {
        try {
            RSAKey publicKey = RSAKey.parse(publicJwk);
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new SigningKey(new RSAKey.Builder(publicKey).privateKey(privateKey).build(), createdAt, retiredAt);
        } catch (ParseException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("stored signing key cannot be read", e);
        }
    }

    String kid() {
        return jwk.getKeyID();
    }

    byte[] pkcs8() {
        try {
            return jwk.toRSAPrivateKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String publicJwkJson() {
        return jwk.toPublicJWK().toJSONString();
    }
}
