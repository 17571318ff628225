package org.gospelib.ingest.internal.lexicon;

import java.util.List;
import java.util.Objects;

/**
 * A list of Scripture references under one heading of a topic.
 *
 * @param heading  the heading as Nave words it, {@code ""} for the topic's main list; an item of
 *                 a sub-list carries its parent's heading too ({@code BEFORE MOSES — Jethro})
 * @param osisRefs the references in the order given, each an OSIS reference or range as the
 *                 module writes it ({@code Exod.6.16-Exod.6.20}, {@code Rom.2})
 */
public record Subheading(String heading, List<String> osisRefs) {

    /** Joins a sub-list item's heading to its parent's. */
    public static final String PATH_SEPARATOR = " — ";

    public Subheading {
        Objects.requireNonNull(heading, "heading");
        osisRefs = List.copyOf(osisRefs);
    }
}
