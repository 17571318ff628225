package org.gospelib.platform;

import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches where this process runs one of the services {@link ConditionalOnService} names. */
final class OnServiceCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        HostedServices hosted = HostedServices.parse(context.getEnvironment().getProperty(HostedServices.PROPERTY, "all"));
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnService.class.getName());
        if (attributes == null) return true;
        for (Service service : (Service[]) attributes.get("value")) if (hosted.hosts(service)) return true;
        return false;
    }
}
