package org.gospelib.gateway.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redis, bound from {@code gospelib.redis.*}; when {@code url} is empty (the default) rate limits
 * are kept in memory, per process.
 *
 * @param url a Redis URI, e.g. {@code redis://127.0.0.1:6379}
 */
@ConfigurationProperties("gospelib.redis")
record RedisProperties(String url) {

    RedisProperties {
        if (url == null) url = "";
    }
}
