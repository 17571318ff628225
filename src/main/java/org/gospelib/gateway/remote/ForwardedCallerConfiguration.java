package org.gospelib.gateway.remote;

import org.gospelib.platform.InternalAssertions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Where the gateway runs in another process, trust what it passes on, and nothing else. */
@Configuration(proxyBeanMethods = false)
class ForwardedCallerConfiguration {

    @Bean
    FilterRegistrationBean<ForwardedCallerFilter> forwardedCallerFilter(InternalAssertions assertions) {
        FilterRegistrationBean<ForwardedCallerFilter> registration = new FilterRegistrationBean<>(new ForwardedCallerFilter(assertions));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20); // after the request id, where the gateway's own filter sits
        return registration;
    }
}
