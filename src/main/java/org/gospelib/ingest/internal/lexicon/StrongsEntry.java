package org.gospelib.ingest.internal.lexicon;

import java.util.List;
import java.util.Objects;

/**
 * An entry of Strong's Greek or Hebrew dictionary.
 *
 * @param id              the normalised Strong's number ({@code H430}, {@code G26})
 * @param lemma           the headword in the original script; the Hebrew dictionary gives
 *                        consonants (with dagesh and shin/sin dots) but no vowel points, and
 *                        where it gives two forms they are kept, separated by a space
 * @param transliteration the headword in Latin letters ({@code agápē}), empty if not given
 * @param pronunciation   Strong's pronunciation guide ({@code ag-ah'-pay}), empty if not given
 * @param definition      the definition as plain text, etymology included, whitespace collapsed
 * @param links           the entries this one refers to, normalised ({@code H175}), each once,
 *                        in order of appearance
 */
public record StrongsEntry(String id, String lemma, String transliteration, String pronunciation,
                           String definition, List<String> links) {

    public StrongsEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lemma, "lemma");
        Objects.requireNonNull(transliteration, "transliteration");
        Objects.requireNonNull(pronunciation, "pronunciation");
        Objects.requireNonNull(definition, "definition");
        links = List.copyOf(links);
    }
}
