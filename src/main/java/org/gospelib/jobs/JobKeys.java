package org.gospelib.jobs;

/** What a job key may be: printable, without spaces, at most 200 characters. */
final class JobKeys {

    private JobKeys() {
    }

    static void check(String key) {
        if (key == null || key.isEmpty() || key.length() > 200
                || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a job key is 1 to 200 printable ASCII characters without spaces: " + key);
        }
    }
}
