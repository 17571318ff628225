package org.gospelib.platform.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.gospelib.platform.HostedServices;
import org.gospelib.platform.InternalAssertions;
import org.gospelib.platform.Service;
import org.gospelib.platform.ServiceAddresses;
import org.gospelib.platform.ServiceClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * How the processes of a split deployment reach and trust each other: the services' addresses,
 * the shared secret that signs what one passes to another, and typed clients. A collapsed process
 * needs none of it and may leave the secret unset.
 */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

    /** The one clock of the process, so tests may set another. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Each service's address looked up by its own key ({@code gospelib.service-urls.content}), not
     * bound as a map: a map's keys are found in environment variables only in the spelling without
     * the dash ({@code GOSPELIB_SERVICEURLS_CONTENT}), a single property in both, so
     * {@code GOSPELIB_SERVICE_URLS_CONTENT}, as the README and the manifests write it, works.
     */
    /** The font files exports and share images are drawn with ({@code gospelib.fonts.dir}). */
    @Bean
    org.gospelib.platform.Fonts fonts(Environment environment) {
        return new org.gospelib.platform.Fonts(java.nio.file.Path.of(environment.getProperty("gospelib.fonts.dir",
                org.gospelib.platform.Fonts.DEBIAN_DIRECTORY.toString())));
    }

    @Bean
    org.gospelib.platform.CorpusBuilds corpusBuilds() {
        return new org.gospelib.platform.CorpusBuilds();
    }

    @Bean
    ServiceAddresses serviceAddresses(Environment environment) {
        Map<String, String> urls = new HashMap<>();
        for (Service service : Service.values()) {
            String url = environment.getProperty("gospelib.service-urls." + service.key(), "");
            if (!url.isBlank()) urls.put(service.key(), url);
        }
        return new ServiceAddresses(urls);
    }

    @Bean
    InternalAssertions internalAssertions(Environment environment, HostedServices hosted) {
        String secret = environment.getProperty("gospelib.internal.secret", "");
        if (secret.isBlank()) {
            // a worker alone needs it only for the queue's admin routes, reached through the gateway
            if (!hosted.collapsed() && !hosted.workerOnly()) {
                throw new IllegalStateException("a split process needs gospelib.internal.secret (GOSPELIB_INTERNAL_SECRET): "
                        + "the same random value of at least 32 bytes in every process of the deployment");
            }
            // collapsed: nothing crosses a process boundary; a per-process random key signs nothing anyone verifies
            // (a worker without the secret refuses what a gateway passes on, and runs its jobs all the same)
            secret = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
        }
        return new HmacInternalAssertions(secret, Clock.systemUTC());
    }

    @Bean
    ServiceClients serviceClients(ServiceAddresses addresses, InternalAssertions assertions, HostedServices hosted,
            ObjectProvider<RestClient.Builder> builder) {
        return new LoadBalancedServiceClients(addresses, assertions, hosted, builder.getIfAvailable(RestClient::builder));
    }
}
