package org.gospelib.ingest.internal.commentary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gospelib.ingest.internal.sword.EntryKey;
import org.gospelib.ingest.internal.sword.SlotReport;
import org.gospelib.ingest.internal.sword.SwordEntry;
import org.gospelib.ingest.internal.sword.SwordModule;
import org.gospelib.ingest.internal.sword.ZTextReader;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * Reads a SWORD commentary module (zCom) into {@link CommentaryEntry commentary entries}.
 *
 * <p>An entry is stored once and linked to every further verse it covers (SWORD's linked
 * slots); its range runs from the verse it is stored under to the last verse linked to it.
 * That is how Matthew Henry's Concise Commentary covers {@code Verses 1-6} with one entry, while
 * the Scofield notes have one entry per verse. Where the links stop short of the entry's own
 * heading ({@code Verses 1-6}), or an entry on a whole chapter is followed by empty slots, the
 * range is widened. That applies only to modules that link entries to verse ranges at all: in a
 * per-verse work such as Scofield's an empty slot means no note, not more of the previous one.
 *
 * <p>Only verse slots are read. The book and chapter heading slots hold structural milestones,
 * except for a few Scofield notes kept in chapter-heading slots (7 slots, 27 references), which
 * are left out for now.
 *
 * <p>The Treasury of David stores a whole psalm under its first verse. It is cut at its bold verse
 * markers ({@code Verse 3.}) into sections about those verses; what comes before the first marker
 * (overview, title, division) and a part's preamble before its first marker are about the whole
 * psalm, so they cover verse 1 to the psalm's last verse rather than verse 1 alone.
 *
 * <p>The installed commentaries use KJV numbering, so their verses are taken as they are.
 */
public final class CommentaryParser {

    /** Works that keep a whole chapter in one entry, to be cut at verse markers. */
    private static final Set<String> CUT_AT_VERSES = Set.of("tdavid");
    private static final Pattern CHAPTER_HEADING = Pattern.compile("(?i)chapter \\d+");

    private CommentaryParser() {
    }

    /** Whether a module is a commentary this parser reads (a zCom module, whatever the record size). */
    public static boolean isCommentary(SwordModule module) {
        return module.conf().driver().orElse("").toLowerCase(java.util.Locale.ROOT).startsWith("zcom");
    }

    public static List<CommentaryEntry> parse(SwordModule module) throws IOException {
        boolean cut = CUT_AT_VERSES.contains(module.name().toLowerCase(java.util.Locale.ROOT));
        CitationResolver resolver = new CitationResolver();
        List<CommentaryEntry> entries = new ArrayList<>();
        try (ZTextReader reader = ZTextReader.open(module)) {
            SlotReport slots = reader.slotReport();
            Map<VerseRef, VerseRef> ends = rangeEnds(slots);
            Set<VerseRef> empty = new HashSet<>();
            slots.empty().forEach(key -> {
                if (key instanceof EntryKey.Verse(VerseRef ref)) empty.add(ref);
            });
            try (var stored = reader.entries()) {
                for (SwordEntry entry : (Iterable<SwordEntry>) stored::iterator) {
                    if (!(entry.key() instanceof EntryKey.Verse(VerseRef start))) continue;
                    List<Section> sections = CommentaryText.read(entry.markup(), resolver, cut);
                    if (cut) {
                        int last = lastVerse(start);
                        for (Section s : sections) entries.add(verseSection(module.name(), start, last, s));
                    } else {
                        Section s = sections.getFirst();
                        VerseRef end = ends.isEmpty() ? start : end(start, s, ends, empty);
                        entries.add(new CommentaryEntry(module.name(), start, end, s.title(),
                                s.text(), s.citedOsis(), s.unresolved()));
                    }
                }
            }
        }
        return entries;
    }

    /** A section of a chapter-long entry, its verses kept inside the chapter. */
    private static CommentaryEntry verseSection(String module, VerseRef entryStart, int lastInChapter, Section s) {
        int first = s.isWhole() ? 1 : Math.min(s.firstVerse(), lastInChapter);
        int last = s.isWhole() ? lastInChapter : Math.max(first, Math.min(s.lastVerse(), lastInChapter));
        return new CommentaryEntry(module, VerseRef.of(entryStart.book(), entryStart.chapter(), Math.max(1, first)),
                VerseRef.of(entryStart.book(), entryStart.chapter(), Math.max(1, last)), s.title(), s.text(),
                s.citedOsis(), s.unresolved());
    }

    /**
     * The last verse a whole entry covers: the last verse linked to it, or the last verse of its
     * own heading ({@code Verses 1-6}) when that goes further. An entry headed only
     * {@code Chapter 23}, as Matthew Henry writes on a short chapter in one piece, is about the
     * chapter: it covers the empty slots after it up to the next entry.
     */
    private static VerseRef end(VerseRef start, Section s, Map<VerseRef, VerseRef> linkedEnds, Set<VerseRef> empty) {
        VerseRef end = linkedEnds.getOrDefault(start, start);
        int lastInChapter = lastVerse(start);
        if (!s.isWhole() && s.firstVerse() == start.verse()) {
            int headed = Math.min(s.lastVerse(), lastInChapter);
            if (headed > end.verse() && end.chapter() == start.chapter()) end = VerseRef.of(start.book(), start.chapter(), headed);
        } else if (s.isWhole() && CHAPTER_HEADING.matcher(s.title()).matches()) {
            int verse = end.verse();
            while (verse < lastInChapter && empty.contains(VerseRef.of(start.book(), start.chapter(), verse + 1))) verse++;
            if (end.chapter() == start.chapter() && verse > end.verse()) end = VerseRef.of(start.book(), start.chapter(), verse);
        }
        return end;
    }

    /** The last verse linked to each stored verse entry, from the verse index alone. */
    private static Map<VerseRef, VerseRef> rangeEnds(SlotReport slots) {
        Map<VerseRef, VerseRef> ends = new HashMap<>();
        slots.linkedTo().forEach((linked, first) -> {
            if (linked instanceof EntryKey.Verse(VerseRef to) && first instanceof EntryKey.Verse(VerseRef from)) {
                ends.merge(from, to, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        });
        return ends;
    }

    private static int lastVerse(VerseRef ref) {
        return Versification.kjv().book(ref.book()).map((BookLayout b) -> b.verseCount(ref.chapter())).orElse(ref.verse());
    }
}
