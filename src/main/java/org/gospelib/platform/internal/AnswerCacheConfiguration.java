package org.gospelib.platform.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.gospelib.platform.CorpusVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Registers the {@link CorpusAnswerCache} late in the filter chain (after the gateway and the
 * pages' headers), when this process serves a corpus and {@code gospelib.answer-cache.max-size}
 * is not zero.
 */
@Configuration(proxyBeanMethods = false)
class AnswerCacheConfiguration {

    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Bean
    FilterRegistrationBean<CorpusAnswerCache> corpusAnswerCache(ObjectProvider<CorpusVersion> version,
            @Value("${gospelib.answer-cache.max-size:48MB}") DataSize maxSize, MeterRegistry meters) {
        CorpusVersion served = version.getIfAvailable();
        boolean enabled = served != null && maxSize.toBytes() > 0;
        CorpusAnswerCache cache = new CorpusAnswerCache(enabled ? served : () -> 0, Clock.systemUTC(), Math.max(1, maxSize.toBytes()));
        if (enabled) {
            cache.bindTo(meters);
            Gauge.builder("gospelib.corpus.version", served, CorpusVersion::current)
                    .description("version of the corpus being served (0 before the first is loaded)").register(meters);
        }
        FilterRegistrationBean<CorpusAnswerCache> registration = new FilterRegistrationBean<>(cache);
        registration.setOrder(ORDER);
        registration.setEnabled(enabled);
        return registration;
    }
}
