package org.gospelib.platform;

import java.util.Map;

/**
 * Numbers read from query parameters, as the admin routes take them: text that is not a number,
 * or a number out of range, is the one {@code 400 invalid-parameter} problem naming the parameter.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int between(String text, String parameter, int min, int max) {
        try {
            long n = Long.parseLong(text.strip());
            if (n >= min && n <= max) return (int) n;
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range number is
        }
        throw invalid(parameter, parameter + " must be a number from " + min + " to " + max);
    }

    /** Any whole number (an id to page from). */
    public static long number(String text, String parameter) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(parameter, parameter + " must be a number");
        }
    }

    public static ProblemException invalid(String parameter, String detail) {
        return new ProblemException("invalid-parameter", "Invalid parameter", 400, detail, Map.of("parameter", parameter));
    }
}
