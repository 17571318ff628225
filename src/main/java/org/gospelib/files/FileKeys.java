package org.gospelib.files;

import java.util.regex.Pattern;

/** What a file key may be: lower-case path segments of letters, digits, dots, dashes and underscores. */
public final class FileKeys {

    private static final Pattern KEY = Pattern.compile("[a-z0-9_-][a-z0-9._-]{0,127}(/[a-z0-9_-][a-z0-9._-]{0,127}){0,7}");

    private FileKeys() {
    }

    public static boolean valid(String key) {
        return key != null && KEY.matcher(key).matches() && !key.contains("..");
    }

    /** The key itself; an {@link IllegalArgumentException} if it is not one. */
    public static String check(String key) {
        if (!valid(key)) throw new IllegalArgumentException("not a file key: " + key);
        return key;
    }
}
