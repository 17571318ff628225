package org.gospelib.platform;

import io.lettuce.core.RedisClient;
import java.time.Duration;

/**
 * Redis clients for the modules that share state between replicas (rate limits, the graph's
 * query cache). Every client made here runs on one set of Lettuce's I/O and computation threads,
 * created on first use, instead of each client starting its own; a client's connections remain
 * its owner's to open and close.
 */
public interface RedisClients {

    /**
     * A client for a {@code redis://} URL whose commands time out after {@code timeout}. Shutting
     * it down leaves the shared threads running for the others.
     */
    RedisClient client(String url, Duration timeout);
}
