package org.gospelib.ingest.internal.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gospelib.ingest.internal.osis.OsisScanner;
import org.gospelib.ingest.internal.osis.OsisToken;
import org.gospelib.ingest.internal.sword.LexiconEntry;
import org.gospelib.scripture.OsisRange;

/**
 * Reads a topic of Nave's Topical Bible from its TEI entry.
 *
 * <p>An entry is {@code <entryFree n="NAME"><def>} followed by lines, each opened by
 * {@code <lb/>}: a line starts with its heading text ({@code → OF CHILDREN. INSTANCES OF},
 * {@code 1. Son of Jeroboam}), then gives references, and may be followed by a
 * {@code <list>} of {@code <item>}s laid out the same way. Scripture references are
 * {@code <ref osisRef="…">}, links to other topics {@code <ref target="Nave:KEY">}; the text
 * inside a reference is its printed form ({@code Ex 6:16-20}) and is not part of any heading.
 *
 * <p>A heading is the text before its line's (or item's) first reference, without the arrow
 * Nave puts in front of sub-topics and without trailing punctuation; an item's heading is
 * prefixed with its line's. References on a line without heading text form the main list
 * (heading {@code ""}). Subheadings that end up with the same heading as the one before are
 * merged. A reference that is not an OSIS reference is left out and reported; one that is well
 * formed but names a verse the KJV lacks is kept, since that is a question for whoever maps
 * references onto a versification.
 */
public final class NaveParser {

    private static final String ARROW = "\u2192";
    private static final String TOPIC_PREFIX = "Nave:";

    private final List<String> problems = new ArrayList<>();
    private final List<String> mainRefs = new ArrayList<>();
    private final List<Subheading> subheadings = new ArrayList<>();
    private final Set<String> seeAlso = new LinkedHashSet<>();

    /** The line being read: its heading so far, its references, whether a reference ended the heading. */
    private final StringBuilder lineHeading = new StringBuilder();
    private List<String> lineRefs = new ArrayList<>();
    private boolean lineHeadingDone;
    /** The item being read, when inside one. */
    private StringBuilder itemHeading;
    private List<String> itemRefs;
    private boolean itemHeadingDone;
    private String parentHeading = "";
    private int refDepth;

    private NaveParser() {
    }

    /** Parses one entry of the Nave module. */
    public static ParsedTopic parse(LexiconEntry entry) {
        return parse(entry.key(), entry.markup());
    }

    /** Parses an entry's markup; never fails, whatever the markup. */
    public static ParsedTopic parse(String key, String markup) {
        NaveParser parser = new NaveParser();
        String name = parser.run(OsisScanner.scan(markup));
        List<Subheading> all = new ArrayList<>();
        if (!parser.mainRefs.isEmpty()) all.add(new Subheading("", parser.mainRefs));
        all.addAll(parser.subheadings);
        Topic topic = new Topic(key, name.isBlank() ? key : name.strip(), all, List.copyOf(parser.seeAlso));
        return new ParsedTopic(topic, parser.problems);
    }

    private String run(List<OsisToken> tokens) {
        String name = "";
        for (OsisToken token : tokens) {
            switch (token) {
                case OsisToken.Text text -> text(text.text());
                case OsisToken.Tag tag -> {
                    if (tag.is("entryfree") && !tag.isEnd()) name = tag.attr("n");
                    else tag(tag);
                }
            }
        }
        endItem();
        endLine();
        return name;
    }

    private void tag(OsisToken.Tag tag) {
        switch (tag.name()) {
            case "lb" -> {
                endItem();
                endLine();
                parentHeading = "";
            }
            case "list" -> {
                if (tag.isStart()) {
                    // The line's own references come before its items.
                    parentHeading = heading(lineHeading);
                    endLine();
                } else {
                    endItem();
                }
            }
            case "item" -> {
                endItem();
                if (tag.isStart()) {
                    itemHeading = new StringBuilder();
                    itemRefs = new ArrayList<>();
                    itemHeadingDone = false;
                }
            }
            case "ref" -> ref(tag);
            case "def" -> {
                if (tag.isEnd()) {
                    endItem();
                    endLine();
                }
            }
            default -> {
                // Other TEI elements only style their text, which is read as text.
            }
        }
    }

    private void ref(OsisToken.Tag tag) {
        if (tag.isEnd()) {
            refDepth = Math.max(0, refDepth - 1);
            return;
        }
        if (tag.isStart()) refDepth++;
        // Whatever follows a reference is connective text (";", ", with Christ"), not heading.
        if (itemHeading != null) itemHeadingDone = true;
        else lineHeadingDone = true;
        if (tag.has("osisref")) {
            osisRef(tag.attr("osisref").strip());
        } else if (tag.has("target")) {
            String target = tag.attr("target").strip();
            if (target.regionMatches(true, 0, TOPIC_PREFIX, 0, TOPIC_PREFIX.length())
                    && target.length() > TOPIC_PREFIX.length()) {
                seeAlso.add(target.substring(TOPIC_PREFIX.length()).strip());
            } else {
                problems.add("link to something other than a Nave topic: " + target);
            }
        } else {
            problems.add("reference without osisRef or target");
        }
    }

    private void osisRef(String ref) {
        try {
            OsisRange.parse(ref);
        } catch (IllegalArgumentException e) {
            problems.add("not an OSIS reference: " + ref);
            return;
        }
        (itemRefs != null ? itemRefs : lineRefs).add(ref);
    }

    private void text(String text) {
        if (refDepth > 0) return;
        if (itemHeading != null) {
            if (!itemHeadingDone) itemHeading.append(text);
        } else if (!lineHeadingDone) {
            lineHeading.append(text);
        }
    }

    private void endItem() {
        if (itemHeading == null) return;
        String own = heading(itemHeading);
        String heading = parentHeading.isEmpty() ? own
                : own.isEmpty() ? parentHeading
                : parentHeading + Subheading.PATH_SEPARATOR + own;
        add(heading, itemRefs);
        itemHeading = null;
        itemRefs = null;
    }

    private void endLine() {
        add(heading(lineHeading), lineRefs);
        lineHeading.setLength(0);
        lineRefs = new ArrayList<>();
        lineHeadingDone = false;
    }

    private void add(String heading, List<String> refs) {
        if (refs.isEmpty()) return;
        if (heading.isEmpty()) {
            mainRefs.addAll(refs);
            return;
        }
        if (!subheadings.isEmpty() && subheadings.getLast().heading().equals(heading)) {
            List<String> merged = new ArrayList<>(subheadings.getLast().osisRefs());
            merged.addAll(refs);
            subheadings.set(subheadings.size() - 1, new Subheading(heading, merged));
        } else {
            subheadings.add(new Subheading(heading, refs));
        }
    }

    /** Collapses whitespace, drops the sub-topic arrow and the punctuation that led into the references. */
    private static String heading(CharSequence raw) {
        String text = raw.toString().replace(ARROW, " ").replaceAll("\\s+", " ").strip();
        int end = text.length();
        while (end > 0 && ",;: ".indexOf(text.charAt(end - 1)) >= 0) end--;
        return text.substring(0, end);
    }
}
