package org.gospelib.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches in a process that runs only some services: the others answer over the wire. */
public final class SplitTopology implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !HostedServices.parse(context.getEnvironment().getProperty(HostedServices.PROPERTY, "all")).collapsed();
    }
}
