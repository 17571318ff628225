package org.gospelib.ingest.internal.sword;

import java.io.IOException;

/** Module data that does not have the layout its driver promises, or a feature not supported. */
public class SwordFormatException extends IOException {

    public SwordFormatException(String message) {
        super(message);
    }

    public SwordFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
