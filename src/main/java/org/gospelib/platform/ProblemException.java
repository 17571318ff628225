package org.gospelib.platform;

import java.net.URI;
import java.util.Map;

/**
 * A failure a client caused and can fix, reported as RFC 9457 problem+json. The {@code type} is
 * stable: clients may switch on it; the detail is for humans and may change.
 */
public class ProblemException extends RuntimeException {

    /** Base of every problem type URI. */
    public static final String TYPE_BASE = "https://gospelib.org/problems/";

    private final String type;
    private final String title;
    private final int status;
    private final Map<String, Object> properties;

    public ProblemException(String type, String title, int status, String detail, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.title = title;
        this.status = status;
        this.properties = Map.copyOf(properties);
    }

    public ProblemException(String type, String title, int status, String detail) {
        this(type, title, status, detail, Map.of());
    }

    /** Short stable slug, such as {@code bad-reference}. */
    public String type() {
        return type;
    }

    public URI typeUri() {
        return URI.create(TYPE_BASE + type);
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** Extra members of the problem object, such as the part of a reference not understood. */
    public Map<String, Object> properties() {
        return properties;
    }
}
