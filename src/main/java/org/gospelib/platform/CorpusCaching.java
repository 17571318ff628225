package org.gospelib.platform;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * HTTP caching for answers that are a pure function of the request and the corpus version: a
 * weak ETag made of both (weak, so that the server may send the same answer gzipped: Tomcat
 * never compresses an answer with a strong ETag, as the compressed bytes differ), a long public max-age, and 304 without a body on a matching
 * {@code If-None-Match}. One policy for every module that serves the corpus.
 */
public final class CorpusCaching {

    /** A week, and a day more served stale while revalidating: the corpus changes rarely, ETags catch it. */
    public static final CacheControl CACHE_CONTROL = CacheControl.maxAge(Duration.ofDays(7)).cachePublic()
            .staleWhileRevalidate(Duration.ofDays(1));

    private CorpusCaching() {
    }

    /** Whether an ETag was made by {@link #etag} for this corpus version. */
    public static boolean isOfVersion(String etag, long corpusVersion) {
        return etag.startsWith("W/\"v" + corpusVersion + "-");
    }

    /**
     * The (weak) ETag of an answer: the corpus version and a 64-bit digest (FNV-1a) of what
     * identifies the answer — everything the answer depends on besides the corpus must be in the key.
     */
    public static String etag(long corpusVersion, String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return "W/\"v" + corpusVersion + "-" + Long.toHexString(hash) + "\"";
    }

    public static <T> ResponseEntity<T> ok(String etag, T body) {
        return ResponseEntity.ok().eTag(etag).cacheControl(CACHE_CONTROL).body(body);
    }

    public static <T> ResponseEntity<T> ok(String etag, MediaType type, T body) {
        return ResponseEntity.ok().eTag(etag).cacheControl(CACHE_CONTROL).contentType(type).body(body);
    }

    public static <T> ResponseEntity<T> notModified(String etag) {
        return ResponseEntity.status(304).eTag(etag).cacheControl(CACHE_CONTROL).build();
    }
}
