package org.gospelib.content;

import java.util.List;
import java.util.Optional;
import org.gospelib.scripture.VerseRef;

/**
 * The reference works held with the corpus — Nave's topics, Strong's lexicons, commentaries and
 * the verses the scripture graph relates — as other modules (the web reader) read them. Verses
 * are in KJV numbering. Every method answers from memory; before the corpus is loaded the answers
 * are empty.
 */
public interface ReferenceLibrary {

    /** The verses most related to a verse, strongest first, at most {@code limit}. */
    List<RelatedVerse> related(VerseRef verse, int limit);

    /** The topics that list a verse, in the lexicon's order. */
    List<TopicSummary> topicsOf(VerseRef verse);

    /** The commentary entries that cover a verse, each commentary in its own order. */
    List<CommentaryEntry> commentaryOn(VerseRef verse);

    /** Topics whose name matches a query: exact first, then by prefix, then containing its words. */
    List<TopicSummary> findTopics(String query, int limit);

    /** A topic by its id (case-insensitive). */
    Optional<Topic> topic(String id);

    /** A Strong's lexicon entry by its normalised number ({@code H430}, {@code G26}). */
    Optional<Lemma> lemma(String strongs);

    /** The short gloss of a Strong's number (see {@link Lemma#gloss()}), without building the whole entry. */
    Optional<String> gloss(String strongs);

    /** The first sense of a lexicon definition, short enough for a tooltip. */
    static String glossOf(String definition) {
        String d = definition.strip();
        int cut = d.length();
        for (char c : new char[] {';', '\n'}) {
            int i = d.indexOf(c);
            if (i > 0) cut = Math.min(cut, i);
        }
        String first = d.substring(0, cut).strip();
        return first.length() <= 80 ? first : first.substring(0, 79).strip() + "…";
    }

    /**
     * A verse related to another.
     *
     * @param verse   the related verse
     * @param score   strength of the relation; comparable only within one answer
     * @param reasons why, in words: "cross-reference (WEB)", "topic: Love", "commentary: MHCC"
     */
    record RelatedVerse(VerseRef verse, double score, List<String> reasons) {
        public RelatedVerse {
            reasons = List.copyOf(reasons);
        }
    }

    /** A topic's id, name and how many verses it lists. */
    record TopicSummary(String id, String name, int verses) {
    }

    /** A topic with its sub-headings and the topics it points to. */
    record Topic(String id, String name, List<Heading> headings, List<TopicSummary> related) {
        public Topic {
            headings = List.copyOf(headings);
            related = List.copyOf(related);
        }
    }

    /** A topic's sub-heading and its verses in canonical order. */
    record Heading(String heading, List<VerseRef> verses) {
        public Heading {
            verses = List.copyOf(verses);
        }
    }

    /**
     * A commentary entry.
     *
     * @param module the commentary's id ({@code MHCC})
     * @param first  first verse the entry covers
     * @param last   last verse the entry covers
     * @param title  the entry's heading, or empty
     * @param text   the entry's plain text
     */
    record CommentaryEntry(String module, VerseRef first, VerseRef last, String title, String text) {
    }

    /**
     * A Strong's lexicon entry and how the translations render it.
     *
     * @param links      other lemmas the entry refers to
     * @param renderings per translation, most frequent word first
     * @param verses     verses the lemma occurs in (at most a few hundred), canonical order
     */
    record Lemma(String id, String lemma, String transliteration, String pronunciation, String definition,
            List<String> links, List<Rendering> renderings, List<VerseRef> verses) {
        public Lemma {
            links = List.copyOf(links);
            renderings = List.copyOf(renderings);
            verses = List.copyOf(verses);
        }

        /** The first sense of the definition, short enough for a tooltip. */
        public String gloss() {
            return glossOf(definition);
        }
    }

    /** How one translation renders a lemma: each word with its count, and in how many verses. */
    record Rendering(String translation, int verses, List<WordCount> words) {
        public Rendering {
            words = List.copyOf(words);
        }
    }

    /** A word and how often it renders a lemma. */
    record WordCount(String word, int count) {
    }
}
