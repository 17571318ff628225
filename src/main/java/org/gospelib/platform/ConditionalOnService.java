package org.gospelib.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean of a module every process loads that only some services need: an HTTP route served by
 * one service (the jobs' admin routes are the worker's), so that the gateway routes it there.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnServiceCondition.class)
public @interface ConditionalOnService {

    /** The bean loads where any of these services runs. */
    Service[] value();
}
