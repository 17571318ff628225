package org.gospelib.ingest.internal.lexicon;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gospelib.ingest.internal.osis.OsisScanner;
import org.gospelib.ingest.internal.osis.OsisToken;
import org.gospelib.ingest.internal.osis.StrongsNumbers;
import org.gospelib.ingest.internal.sword.LexiconEntry;

/**
 * Reads an entry of Strong's Greek or Hebrew dictionary from its TEI markup.
 *
 * <p>Both dictionaries key entries by five-digit numbers ({@code 00430}) and write an entry as
 * {@code <entryFree>} holding the headword {@code <orth>}, its transliteration
 * {@code <orth type="trans">}, a pronunciation {@code <pron>} and one or more {@code <def>}s; the
 * Greek one adds the headword in Beta code ({@code <orth type="writing">}, not kept) and wraps the
 * etymology in {@code <orig>} inside the definition. A few Greek entries describe a second form
 * after the first ({@code G1}, alpha and {@code ἄν}); the first {@code <orth>} is the lemma and
 * every {@code <def>} is part of the definition.
 *
 * <p>Links are {@code <ref target="StrongsHebrew:433">H433</ref>}: the work named in the target
 * gives the letter, the target the number. The Greek dictionary's links to Hebrew numbers
 * (317 of them) name the wrong work, {@code <ref target="StrongsGreek:0175">H0175</ref>}; they
 * are recognised by their printed text, which carries the other dictionary's letter and the
 * target's number, and the printed letter is trusted. Scripture references
 * ({@code <ref osisRef>}, in the Hebrew dictionary) are text of the definition, not links.
 *
 * <p>Numbers Strong left unused are placeholder entries without a headword (101 in the Greek
 * dictionary, {@code <def>Not Used</def>}); they yield no entry.
 */
public final class StrongsParser {

    private static final Pattern PRINTED_NUMBER = Pattern.compile("([GH])0*(\\d+)");
    private static final Pattern TARGET_NUMBER = Pattern.compile("0*(\\d+)");

    private enum Field { NONE, LEMMA, TRANSLITERATION, PRONUNCIATION, DEFINITION }

    private final StringBuilder lemma = new StringBuilder();
    private final StringBuilder transliteration = new StringBuilder();
    private final StringBuilder pronunciation = new StringBuilder();
    private final StringBuilder definition = new StringBuilder();
    private final Set<String> links = new LinkedHashSet<>();
    private Field field = Field.NONE;
    private final Set<Field> done = EnumSet.noneOf(Field.class);
    private String refTarget;
    private final StringBuilder refText = new StringBuilder();

    private StrongsParser() {
    }

    /**
     * Parses a whole dictionary module's entries, in key order. A number stored twice (the Hebrew
     * dictionary has two identical copies of 02200) yields one entry, the first.
     */
    public static List<StrongsEntry> parseAll(StrongsDictionary dictionary, Stream<LexiconEntry> entries) {
        Map<String, StrongsEntry> byId = new LinkedHashMap<>();
        entries.forEach(e -> parse(dictionary, e).ifPresent(s -> byId.putIfAbsent(s.id(), s)));
        return List.copyOf(byId.values());
    }

    /** Parses one entry of a dictionary module; empty for an unused number or a key that is not a number. */
    public static Optional<StrongsEntry> parse(StrongsDictionary dictionary, LexiconEntry entry) {
        return parse(dictionary, entry.key(), entry.markup());
    }

    /** Parses an entry's markup; never fails, whatever the markup. */
    public static Optional<StrongsEntry> parse(StrongsDictionary dictionary, String key, String markup) {
        Optional<String> id = key.chars().allMatch(Character::isDigit) && !key.isEmpty()
                ? StrongsNumbers.normalize(dictionary.prefix() + key)
                : Optional.empty();
        if (id.isEmpty()) return Optional.empty();
        StrongsParser parser = new StrongsParser();
        for (OsisToken token : OsisScanner.scan(markup)) parser.accept(token);
        String lemma = plain(parser.lemma);
        if (lemma.isEmpty()) return Optional.empty();
        return Optional.of(new StrongsEntry(id.get(), lemma, plain(parser.transliteration),
                plain(parser.pronunciation), plain(parser.definition), List.copyOf(parser.links)));
    }

    private void accept(OsisToken token) {
        switch (token) {
            case OsisToken.Text text -> text(text.text());
            case OsisToken.Tag tag -> tag(tag);
        }
    }

    private void text(String text) {
        if (refTarget != null) refText.append(text);
        switch (field) {
            case LEMMA -> lemma.append(text);
            case TRANSLITERATION -> transliteration.append(text);
            case PRONUNCIATION -> pronunciation.append(text);
            case DEFINITION -> definition.append(text);
            case NONE -> {
                // Text between fields is layout or a second form's connective words.
            }
        }
    }

    private void tag(OsisToken.Tag tag) {
        switch (tag.name()) {
            case "orth" -> {
                if (tag.isStart()) {
                    Field orth = tag.attrIs("type", "trans") ? Field.TRANSLITERATION
                            : tag.has("type") ? Field.NONE
                            : Field.LEMMA;
                    open(orth);
                } else if (tag.isEnd()) {
                    close();
                }
            }
            case "pron" -> {
                if (tag.isStart()) open(Field.PRONUNCIATION);
                else if (tag.isEnd()) close();
            }
            case "def" -> {
                // Every definition counts; later ones continue the first.
                if (tag.isStart()) {
                    if (!definition.isEmpty()) definition.append(' ');
                    field = Field.DEFINITION;
                } else if (tag.isEnd()) {
                    field = Field.NONE;
                }
            }
            case "lb" -> text(" ");
            case "ref" -> {
                if (tag.isStart() && tag.has("target")) {
                    refTarget = tag.attr("target");
                    refText.setLength(0);
                } else if (tag.isEnd() && refTarget != null) {
                    link(refTarget, refText.toString().strip()).ifPresent(links::add);
                    refTarget = null;
                }
            }
            default -> {
                // hi, orig, foreign only style or classify their text, which is read as text.
            }
        }
    }

    /** Only the first lemma, transliteration and pronunciation are kept; later forms are variants. */
    private void open(Field candidate) {
        field = candidate == Field.NONE || done.contains(candidate) ? Field.NONE : candidate;
    }

    private void close() {
        if (field != Field.NONE && field != Field.DEFINITION) done.add(field);
        field = Field.NONE;
    }

    /** A link's normalised number, or nothing when the target is not a Strong's number. */
    static Optional<String> link(String target, String printed) {
        int colon = target.indexOf(':');
        if (colon < 0) return Optional.empty();
        Optional<StrongsDictionary> work = StrongsDictionary.ofWork(target.substring(0, colon).strip());
        Matcher number = TARGET_NUMBER.matcher(target.substring(colon + 1).strip());
        if (work.isEmpty() || !number.lookingAt()) return Optional.empty();
        char prefix = work.get().prefix();
        Matcher shown = PRINTED_NUMBER.matcher(printed);
        if (shown.matches() && shown.group(2).equals(number.group(1))) {
            // Same number, other letter: the target names the wrong work (StrongsGreek:0175 shown as H0175).
            prefix = shown.group(1).charAt(0);
        }
        return StrongsNumbers.normalize(prefix + number.group(1));
    }

    private static String plain(CharSequence text) {
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
