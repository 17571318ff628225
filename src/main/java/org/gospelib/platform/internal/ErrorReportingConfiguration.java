package org.gospelib.platform.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.sentry.Sentry;
import io.sentry.logback.SentryAppender;
import java.time.Duration;
import org.gospelib.platform.HostedServices;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors to Sentry, when a DSN is configured ({@code gospelib.sentry.dsn}, {@code
 * GOSPELIB_SENTRY_DSN}): every event logged at ERROR — the unhandled exceptions behind a 500,
 * failed background work, failed ingest runs — with the INFO lines before it as breadcrumbs,
 * tagged with the process's services. Without a DSN nothing is loaded and nothing is sent.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${gospelib.sentry.dsn:}' != ''")
class ErrorReportingConfiguration {

    @Bean(destroyMethod = "close")
    SentryReporting sentryReporting(@Value("${gospelib.sentry.dsn}") String dsn,
            @Value("${gospelib.sentry.environment:production}") String environment, HostedServices hosted) {
        return new SentryReporting(dsn, environment, hosted.label());
    }

    /** Sentry's client and its Logback appender on the root logger, for the life of the context. */
    static final class SentryReporting implements AutoCloseable {

        private final SentryAppender appender = new SentryAppender();
        private final Logger root;

        SentryReporting(String dsn, String environment, String service) {
            Sentry.init(options -> {
                options.setDsn(dsn);
                options.setEnvironment(environment);
                options.setServerName(service);
                options.setRelease("gospelib@" + release());
                options.setTag("service", service);
                // answers to readers are not for a third party: no request bodies, headers or user data
                options.setSendDefaultPii(false);
            });
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            appender.setContext(context);
            appender.setName("sentry");
            appender.setMinimumEventLevel(Level.ERROR);
            appender.setMinimumBreadcrumbLevel(Level.INFO);
            appender.start();
            root.addAppender(appender);
        }

        private static String release() {
            String version = ErrorReportingConfiguration.class.getPackage().getImplementationVersion();
            return version == null ? "dev" : version;
        }

        @Override
        public void close() {
            root.detachAppender(appender);
            appender.stop();
            Sentry.flush(Duration.ofSeconds(2).toMillis());
            Sentry.close();
        }
    }
}
