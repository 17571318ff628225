package org.gospelib.search.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that search cursors are signed with. Replicas that share their clients' paging (several
 * content processes behind one gateway) share {@code gospelib.search.cursor-key}; without one, a
 * process draws its own at start, and a cursor issued before a restart is refused (the client
 * starts the search again, as it must after an index rebuild).
 */
@Component
class CursorKey {

    private static final Logger log = LoggerFactory.getLogger(CursorKey.class);

    private final byte[] key;

    CursorKey(@Value("${gospelib.search.cursor-key:}") String configured) {
        if (configured.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            log.debug("search cursors: signed with a key drawn at start (set gospelib.search.cursor-key to share one)");
        } else {
            key = sha256(configured);
        }
    }

    byte[] bytes() {
        return key.clone();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
