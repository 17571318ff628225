package org.gospelib.platform.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import org.gospelib.platform.RedisClients;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** {@link RedisClients} on one {@link ClientResources}, made on first use and shut down with the application. */
@Component
class SharedRedisClients implements RedisClients, DisposableBean {

    private ClientResources resources;

    @Override
    public RedisClient client(String url, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        return RedisClient.create(resources(), uri);
    }

    private synchronized ClientResources resources() {
        if (resources == null) resources = DefaultClientResources.create();
        return resources;
    }

    @Override
    public synchronized void destroy() {
        if (resources != null) resources.shutdown();
    }
}
