package org.gospelib.platform.internal;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ProblemErrorReportValve} in the place of Tomcat's own error report. The host adds
 * its report valve when it starts, before its web application does, so the swap is made as the
 * application starts: the valve is in place before the first request is accepted.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReports {

    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> context.addLifecycleListener(event -> {
            if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType()) || !(context.getParent() instanceof Host host)) return;
            boolean installed = false;
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ProblemErrorReportValve) installed = true;
                else if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
            }
            if (!installed) host.getPipeline().addValve(new ProblemErrorReportValve());
        });
    }
}
