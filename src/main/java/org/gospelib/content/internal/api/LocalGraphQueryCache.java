package org.gospelib.content.internal.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/** The graph query cache of one process, bounded by the bytes it holds. */
final class LocalGraphQueryCache implements GraphQueryCache {

    private final Cache<String, byte[]> answers;

    LocalGraphQueryCache(long maxBytes, Duration ttl) {
        // evictions run on the calling thread: the bound holds the moment put returns
        this.answers = Caffeine.newBuilder().executor(Runnable::run).maximumWeight(maxBytes)
                .weigher((String key, byte[] value) -> key.length() * 2 + value.length)
                .expireAfterWrite(ttl).build();
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(answers.getIfPresent(key));
    }

    @Override
    public void put(String key, byte[] answer) {
        answers.put(key, answer);
    }

    @Override
    public void clear() {
        answers.invalidateAll();
    }

    @Override
    public String name() {
        return "local";
    }
}
