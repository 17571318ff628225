package org.gospelib.ingest.internal.lexicon;

import java.util.Arrays;
import java.util.Optional;

import org.gospelib.ingest.internal.sword.SwordConf;

/** Which of Strong's two dictionaries a module is, and the letter its numbers carry. */
public enum StrongsDictionary {

    GREEK('G', "StrongsGreek", "GreekDef"),
    HEBREW('H', "StrongsHebrew", "HebrewDef");

    private final char prefix;
    private final String moduleName;
    private final String feature;

    StrongsDictionary(char prefix, String moduleName, String feature) {
        this.prefix = prefix;
        this.moduleName = moduleName;
        this.feature = feature;
    }

    /** {@code G} or {@code H}. */
    public char prefix() {
        return prefix;
    }

    /** The SWORD module's name, which is also the work named in its links' {@code target}s. */
    public String moduleName() {
        return moduleName;
    }

    /** The dictionary a module declares itself to be ({@code Feature=GreekDef} / {@code HebrewDef}). */
    public static Optional<StrongsDictionary> of(SwordConf conf) {
        return Arrays.stream(values())
                .filter(d -> conf.values("Feature").stream().anyMatch(d.feature::equalsIgnoreCase))
                .findFirst();
    }

    /** The dictionary whose module a link {@code target} names ({@code StrongsGreek:0175}). */
    static Optional<StrongsDictionary> ofWork(String work) {
        return Arrays.stream(values()).filter(d -> d.moduleName.equalsIgnoreCase(work)).findFirst();
    }
}
