package org.gospelib.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gospelib.ingest.internal.osis.MarkState;
import org.gospelib.ingest.internal.osis.ParsedVerse;
import org.gospelib.ingest.internal.osis.BookIntroParser;
import org.gospelib.ingest.internal.osis.BookTitles;
import org.gospelib.ingest.internal.osis.OsisVerseParser;
import org.gospelib.ingest.internal.sword.EntryKey;
import org.gospelib.ingest.internal.sword.ModuleChecksum;
import org.gospelib.ingest.internal.sword.SwordEntry;
import org.gospelib.ingest.internal.sword.SwordModule;
import org.gospelib.ingest.internal.sword.ZTextReader;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.BookNames;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.springframework.stereotype.Component;

/** Turns one SWORD Bible module into a {@link TranslationImage}: read, parse, name books, align. */
@Component
class BibleModuleReader {

    /** Bump when parsing or alignment changes what is stored: the next incremental ingest redoes every module. */
    static final int PARSER_VERSION = 5;

    static boolean isBible(SwordModule module) {
        String driver = module.conf().driver().orElse("").toLowerCase(Locale.ROOT);
        return driver.equals("ztext") || driver.equals("ztext4");
    }

    static boolean isKjv(SwordModule module) {
        return translationId(module).equals("KJV");
    }

    static String translationId(SwordModule module) {
        String id = module.conf().abbreviation().orElse(module.name());
        return id.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    static String checksum(SwordModule module) {
        try {
            return ModuleChecksum.of(module);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + module.name(), e);
        }
    }

    TranslationImage read(SwordModule module, Optional<TranslationImage> kjv, ProgressListener progress) {
        Versification v11n = Versification.named(module.conf().versification()).orElseThrow(() ->
                new IllegalStateException(module.name() + " uses versification '" + module.conf().versification()
                        + "', which GospeLib does not know"));
        Map<String, BookTitles> titles = new HashMap<>();
        List<TranslationImage.Verse> verses = new ArrayList<>(v11n.verseTotal());
        int total = v11n.verseTotal();
        // Red letters and the divine name may open in one verse and close in a later one.
        MarkState state = MarkState.NONE;
        try (ZTextReader reader = ZTextReader.open(module); Stream<SwordEntry> entries = reader.entries()) {
            for (SwordEntry entry : (Iterable<SwordEntry>) entries::iterator) {
                switch (entry.key()) {
                    case EntryKey.BookIntro intro ->
                            titles.put(intro.book(), BookIntroParser.parse(entry.markup(), intro.book()));
                    case EntryKey.Verse verse -> {
                        ParsedVerse parsed = OsisVerseParser.parse(entry.markup(), state);
                        state = parsed.endState();
                        verses.add(new TranslationImage.Verse(verse.ref(), parsed.content()));
                        if (verses.size() % 1_000 == 0) progress.reading(module.name(), verses.size(), total);
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + module.name(), e);
        }
        progress.reading(module.name(), total, total);
        String id = translationId(module);
        TranslationImage.Meta meta = new TranslationImage.Meta(id, module.name(),
                module.conf().description().orElse(module.name()), module.conf().language().orElse("und"),
                module.conf().license().orElse("unknown"), v11n.name(), module.conf().version().orElse(""),
                checksum(module), PARSER_VERSION);
        List<TranslationImage.Book> books = books(v11n, verses, titles);
        // Only modules that claim KJV numbering are checked against it: there the numbers may lie
        // about where text sits. A module with its own system is trusted to follow it (WEB, for
        // one, carries Strong's tags laid out by Hebrew numbering in places, which would mislead).
        List<TranslationImage.Alignment> alignments = kjv.isPresent() && !isKjv(module) && v11n.name().equals("KJV")
                && hasStrongs(verses) ? align(kjv.get(), verses) : alignByMapping(v11n);
        return new TranslationImage(meta, books, verses, alignments);
    }

    private static List<TranslationImage.Book> books(Versification v11n, List<TranslationImage.Verse> verses,
            Map<String, BookTitles> titles) {
        Map<String, Integer> versesPerBook = new HashMap<>();
        for (TranslationImage.Verse v : verses) {
            if (!v.content().isEmpty()) versesPerBook.merge(v.ref().book(), 1, Integer::sum);
        }
        List<TranslationImage.Book> books = new ArrayList<>();
        int position = 0;
        for (BookLayout layout : v11n.books()) {
            Integer count = versesPerBook.get(layout.osisId());
            if (count == null) continue;
            Optional<BookTitles> t = Optional.ofNullable(titles.get(layout.osisId()));
            String fallback = BookNames.standard().englishName(layout.osisId()).orElse(layout.osisId());
            String name = t.flatMap(BookTitles::shortName).orElse(fallback);
            books.add(new TranslationImage.Book(layout.osisId(), position++, name,
                    t.flatMap(BookTitles::longName).orElse(name), t.flatMap(BookTitles::abbreviation).orElse(layout.osisId()),
                    layout.testament(), layout.chapterCount(), count));
        }
        return books;
    }

    /**
     * For systems SWORD maps onto KJV (Synodal, Vulgate, Segond…): each KJV verse goes to the
     * native verse that holds it, and a KJV verse whose same-numbered native slot holds other
     * text, while no native verse holds it, is recorded as having none.
     */
    static List<TranslationImage.Alignment> alignByMapping(Versification v11n) {
        Map<VerseRef, List<VerseRef>> mapping = v11n.mappingToKjv();
        if (mapping.isEmpty()) return List.of();
        Map<VerseRef, TranslationImage.Alignment> byKjv = new java.util.LinkedHashMap<>();
        for (Map.Entry<VerseRef, List<VerseRef>> e : mapping.entrySet()) {
            for (VerseRef kjvRef : e.getValue()) {
                if (kjvRef.verse() == 0 || !Versification.kjv().contains(kjvRef)) continue;
                byKjv.putIfAbsent(kjvRef, new TranslationImage.Alignment(kjvRef, Optional.of(e.getKey()),
                        "versification-mapping"));
            }
        }
        for (VerseRef nativeRef : mapping.keySet()) {
            if (Versification.kjv().contains(nativeRef) && !byKjv.containsKey(nativeRef)) {
                byKjv.put(nativeRef, new TranslationImage.Alignment(nativeRef, Optional.empty(), "versification-mapping"));
            }
        }
        byKjv.values().removeIf(a -> a.nativeRef().equals(Optional.of(a.kjvRef())));
        return List.copyOf(byKjv.values());
    }

    private static boolean hasStrongs(List<TranslationImage.Verse> verses) {
        int tagged = 0;
        for (int i = 0; i < verses.size() && i < 2_000; i++) if (!strongs(verses.get(i).content()).isEmpty()) tagged++;
        return tagged > 500;
    }

    private static List<TranslationImage.Alignment> align(TranslationImage kjv, List<TranslationImage.Verse> verses) {
        Map<VerseRef, VerseContent> own = new HashMap<>();
        for (TranslationImage.Verse v : verses) own.put(v.ref(), v.content());
        Map<String, List<VerseAligner.Slot>> kjvByBook = new java.util.LinkedHashMap<>();
        Map<String, List<VerseAligner.Slot>> ownByBook = new HashMap<>();
        for (TranslationImage.Verse v : kjv.verses()) {
            if (v.ref().verse() == 0) continue;
            kjvByBook.computeIfAbsent(v.ref().book(), b -> new ArrayList<>())
                    .add(new VerseAligner.Slot(v.ref(), true, strongs(v.content())));
            VerseContent theirs = own.getOrDefault(v.ref(), VerseContent.EMPTY);
            ownByBook.computeIfAbsent(v.ref().book(), b -> new ArrayList<>())
                    .add(new VerseAligner.Slot(v.ref(), !theirs.isEmpty(), strongs(theirs)));
        }
        List<TranslationImage.Alignment> alignments = new ArrayList<>();
        kjvByBook.forEach((book, slots) -> {
            for (VerseAligner.Shift shift : VerseAligner.alignBook(slots, ownByBook.get(book))) {
                alignments.add(new TranslationImage.Alignment(shift.kjvRef(), shift.nativeRef(),
                        shift.nativeRef().isPresent() ? "text-at-other-number" : "no-text"));
            }
        });
        return alignments;
    }

    private static Set<String> strongs(VerseContent content) {
        Set<String> all = new LinkedHashSet<>();
        for (Segment s : content.segments()) all.addAll(s.strongs());
        return all;
    }
}
