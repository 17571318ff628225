package org.gospelib.jobs;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of job and the type of its payload (a record, stored as JSON).
 *
 * @param name        lower-case words joined by dots or dashes, unique in the application
 * @param payloadType what the handler receives
 */
public record JobKind<P>(String name, Class<P> payloadType) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");

    public JobKind {
        Objects.requireNonNull(payloadType, "payloadType");
        if (name == null || name.length() > 80 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a job kind name: " + name);
        }
    }
}
