package org.gospelib.platform;

import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Starts only the modules of the services this process runs. Before component scanning it
 * registers the {@link HostedServices} and a scan filter: a module's components load where one
 * of its services runs; its {@code remote} package (typed HTTP clients standing in for the module,
 * and the trust of callers it vouches for) loads everywhere else. A process thus holds the beans,
 * schedulers and HTTP routes of its services and reaches the rest over the wire. The launcher's
 * commands add it to the application; {@code META-INF/spring.factories} adds it wherever the
 * classes are on a plain class path (tests), as the executable jar does not read that file.
 */
public final class ServiceSelection implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(ServiceSelection.class);
    private static final String BASE = "org.gospelib.";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getBeanFactory().containsSingleton("hostedServices")) return; // listed twice: once is enough
        HostedServices hosted = HostedServices.parse(context.getEnvironment().getProperty(HostedServices.PROPERTY, "all"));
        context.getBeanFactory().registerSingleton("hostedServices", hosted);
        context.getBeanFactory().registerSingleton("moduleScanFilter", new ModuleScanFilter(hosted));
        // ready when what its services answer from is there (a contributor a process lacks is left out);
        // last, so configuration may still say otherwise
        String readiness = "readinessState," + (hosted.answersFromTheDatabase() ? "db," : "") + "snapshot,search,jobs";
        // traces name the process after its services (gospelib-content, …; gospelib when collapsed)
        String traceName = hosted.collapsed() ? "gospelib" : "gospelib-" + hosted.label();
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("gospelibReadiness",
                Map.of("management.endpoint.health.group.readiness.include", readiness,
                        "management.opentelemetry.resource-attributes.service.name", traceName)));
        if (!hosted.collapsed()) log.info("Services in this process: {}", hosted);
    }

    /** Excludes the components of modules this process does not host, and the stand-ins of those it does. */
    static final class ModuleScanFilter extends TypeExcludeFilter {

        private final HostedServices hosted;

        ModuleScanFilter(HostedServices hosted) {
            this.hosted = hosted;
        }

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return excludes(reader.getClassMetadata().getClassName());
        }

        boolean excludes(String className) {
            return HostedServices.moduleOf(className).map(module -> {
                boolean standIn = className.startsWith(BASE + module + ".remote.");
                return standIn == hosted.hostsModule(module);
            }).orElse(false);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ModuleScanFilter filter && filter.hosted.equals(hosted);
        }

        @Override
        public int hashCode() {
            return hosted.hashCode();
        }
    }
}
