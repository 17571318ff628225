package org.gospelib.ingest.internal.commentary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gospelib.ingest.internal.sword.EntryKey;
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
 * the Scofield notes have one entry per verse. Only verse slots are read: the book and chapter
 * heading slots of these modules hold nothing but structural milestones.
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
            Map<VerseRef, VerseRef> ends = rangeEnds(reader);
            try (var stored = reader.entries()) {
                for (SwordEntry entry : (Iterable<SwordEntry>) stored::iterator) {
                    if (!(entry.key() instanceof EntryKey.Verse(VerseRef start))) continue;
                    List<Section> sections = CommentaryText.read(entry.markup(), resolver, cut);
                    if (cut) {
                        int last = lastVerse(start);
                        for (Section s : sections) entries.add(verseSection(module.name(), start, last, s));
                    } else {
                        Section s = sections.getFirst();
                        entries.add(new CommentaryEntry(module.name(), start, ends.getOrDefault(start, start), s.title(),
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

    /** The last verse linked to each stored verse entry, from the verse index alone. */
    private static Map<VerseRef, VerseRef> rangeEnds(ZTextReader reader) {
        Map<VerseRef, VerseRef> ends = new HashMap<>();
        reader.slotReport().linkedTo().forEach((linked, first) -> {
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
