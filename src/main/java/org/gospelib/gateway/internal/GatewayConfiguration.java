package org.gospelib.gateway.internal;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gospelib.identity.IdentityProperties;
import org.gospelib.identity.PublicKeys;
import org.gospelib.identity.WebSessions;
import org.gospelib.platform.GospelibProperties;
import org.gospelib.platform.HostedServices;
import org.gospelib.platform.RedisClients;
import org.gospelib.platform.Service;
import org.gospelib.platform.ServiceAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/** Wires the gateway: whose tokens to trust, where buckets live, and the filters' order. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewayProperties.class, RateLimitProperties.class})
@ConditionalOnProperty(name = "gospelib.gateway.enabled", havingValue = "true", matchIfMissing = true)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);
    /** After the request id (so every refusal carries one) and the request target's check. */
    static final int CORS_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int GATEWAY_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    AccessTokenVerifier accessTokenVerifier(IdentityProperties identity, ObjectProvider<PublicKeys> builtInKeys,
            HostedServices hosted, ServiceAddresses addresses) {
        if (identity.builtIn()) {
            JWKSource<SecurityContext> source;
            if (hosted.hosts(Service.IDENTITY)) {
                PublicKeys keys = builtInKeys.getObject();
                source = (selector, context) -> selector.select(keys.publicKeys());
            } else {
                // the identity service signs in another process: its published keys, cached and
                // fetched again when a token names a key not seen yet (a rotation)
                URI jwks = addresses.of(Service.IDENTITY).getFirst().resolve("/.well-known/jwks.json");
                try {
                    source = JWKSourceBuilder.<SecurityContext>create(jwks.toURL()).retrying(true).build();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException("gospelib.service-urls.identity is not a URL", e);
                }
                log.info("access tokens: verified with the identity service's keys at {}", jwks);
            }
            return new AccessTokenVerifier(new AccessTokenVerifier.Trust(identity.issuer(), Optional.of(identity.audience()),
                    Set.of(), identity.clockSkew()), source);
        }
        IdentityProperties.External external = identity.external();
        if (external.issuer().isBlank() || external.jwksUri().isEmpty()) {
            throw new IllegalStateException("gospelib.identity.provider=external needs gospelib.identity.external.issuer and jwks-url");
        }
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(external.jwksUri().get().toURL())
                    .retrying(true).build();
            log.info("access tokens: trusted from {} (keys at {})", external.issuer(), external.jwksUrl());
            return new AccessTokenVerifier(new AccessTokenVerifier.Trust(external.issuer(),
                    external.audience().isBlank() ? Optional.empty() : Optional.of(external.audience()),
                    Set.copyOf(external.authorizedParties()), identity.clockSkew()), source);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("gospelib.identity.external.jwks-url is not a URL", e);
        }
    }

    @Bean(destroyMethod = "close")
    RateLimiter rateLimiter(GospelibProperties properties, RedisClients redisClients) {
        var redis = properties.redis().sharedUrl();
        if (redis.isEmpty()) {
            log.info("rate limits: in memory (set gospelib.redis.url to share them between replicas)");
            return new LocalRateLimiter();
        }
        log.info("rate limits: in Redis at {}", redis.get().replaceAll("//[^@]*@", "//***@"));
        return new RedisRateLimiter(redisClients.client(redis.get(), RedisRateLimiter.TIMEOUT));
    }

    @Bean
    PlanChanges planChanges() {
        return new PlanChanges();
    }

    @Bean
    FilterRegistrationBean<GatewayFilter> gatewayFilter(AccessTokenVerifier tokens, WebSessions sessions, RateLimiter limiter,
            RateLimitProperties limits, GatewayProperties properties, PlanChanges planChanges, MeterRegistry meters) {
        FilterRegistrationBean<GatewayFilter> registration = new FilterRegistrationBean<>(
                new GatewayFilter(tokens, sessions, limiter, limits, properties, planChanges, meters));
        registration.setOrder(GATEWAY_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        List<String> origins = properties.corsAllowedOrigins();
        cors.setAllowedOrigins(origins);
        cors.setAllowCredentials(!origins.contains("*"));
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-None-Match", "X-Request-Id", WebSessions.CSRF_HEADER));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "X-Request-Id"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/v1/**", cors);
        source.registerCorsConfiguration("/.well-known/**", cors);
        CorsFilter filter = new CorsFilter(source) {
            /** Only requests with an Origin are CORS requests; the rest skip path matching and Vary headers. */
            @Override
            protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
                return request.getHeader("Origin") == null;
            }
        };
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(CORS_ORDER);
        return registration;
    }

    /** Drops in-memory buckets that have refilled, so idle callers cost no memory. */
    @Bean
    LocalBucketEviction localBucketEviction(RateLimiter limiter) {
        return new LocalBucketEviction(limiter);
    }

    static final class LocalBucketEviction {
        private final RateLimiter limiter;

        LocalBucketEviction(RateLimiter limiter) {
            this.limiter = limiter;
        }

        @Scheduled(fixedDelayString = "PT1M")
        void evict() {
            if (limiter instanceof LocalRateLimiter local) local.evictFull();
            if (limiter instanceof RedisRateLimiter redis) {
                redis.fallback().evictFull();
                redis.evictProxies();
            }
        }
    }
}
