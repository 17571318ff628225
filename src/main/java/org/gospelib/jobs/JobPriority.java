package org.gospelib.jobs;

/** Which due jobs run first when there are more than threads to run them. */
public enum JobPriority {
    LOW(10), NORMAL(50), HIGH(90);

    private final int value;

    JobPriority(int value) {
        this.value = value;
    }

    /** The number stored with the job: higher runs first. */
    public int value() {
        return value;
    }

    /** The priority stored as {@code value}, or the nearest one below it. */
    public static JobPriority of(int value) {
        if (value >= HIGH.value) return HIGH;
        return value >= NORMAL.value ? NORMAL : LOW;
    }
}
