package org.gospelib.content.internal.api;

import java.util.Optional;

/**
 * Answers to graph queries that cost enough to keep: explorations and paths, as the JSON bytes
 * sent. Keys carry the corpus version, so a new corpus never meets an old answer. A cache that
 * fails answers nothing; it never fails the request.
 */
interface GraphQueryCache {

    Optional<byte[]> get(String key);

    void put(String key, byte[] answer);

    /** Lets go of what this process holds (a local cache; a shared one keeps its answers for the other replicas). */
    default void clear() {
    }

    /** {@code local}, {@code redis} or {@code none}, for metrics and the health details. */
    String name();
}
