package org.gospelib.content.remote;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.gospelib.content.ReferenceLibrary;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.content.TranslationVerse;
import org.gospelib.ingest.VerseContentJson;
import org.gospelib.platform.ProblemException;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * The corpus and its reference works answered by the content service in another process. The
 * corpus changes only with an ingest, so what is fetched is kept, keyed by the corpus version:
 * chapters (a page asks for one verse at a time; the first costs one call for the chapter), the
 * translations and every gloss. The version itself is asked for again after {@link #VERSION_TTL},
 * so a new corpus shows within seconds of its swap.
 */
final class RemoteContent implements ScriptureText, ReferenceLibrary {

    static final Duration VERSION_TTL = Duration.ofSeconds(5);

    private final ContentApi api;
    private final AtomicReference<Stamped<Long>> version = new AtomicReference<>();
    private final AtomicReference<Stamped<List<TranslationInfo>>> translations = new AtomicReference<>();
    private final AtomicReference<Stamped<Map<String, String>>> glosses = new AtomicReference<>();
    private final Cache<ChapterKey, Map<Integer, VerseContent>> chapters = Caffeine.newBuilder().maximumSize(600).build();

    RemoteContent(ContentApi api) {
        this.api = api;
    }

    private record Stamped<T>(long version, long at, T value) {
    }

    private record ChapterKey(long version, String translation, String book, int chapter) {
    }

    @Override
    public long corpusVersion() {
        Stamped<Long> known = version.get();
        long now = System.nanoTime();
        if (known != null && now - known.at() < VERSION_TTL.toNanos()) return known.value();
        long current = api.version().version();
        version.set(new Stamped<>(current, now, current));
        return current;
    }

    @Override
    public List<TranslationInfo> translations() {
        long current = corpusVersion();
        Stamped<List<TranslationInfo>> known = translations.get();
        if (known != null && known.version() == current) return known.value();
        List<TranslationInfo> fetched = List.copyOf(api.translations());
        translations.set(new Stamped<>(current, 0, fetched));
        return fetched;
    }

    @Override
    public Optional<VerseContent> verse(String translationId, VerseRef kjvRef) {
        ChapterKey key = new ChapterKey(corpusVersion(), translationId, kjvRef.book(), kjvRef.chapter());
        Map<Integer, VerseContent> chapter = chapters.get(key, k -> {
            Map<Integer, VerseContent> verses = new HashMap<>();
            for (ContentApi.WireVerse v : absentIfUnknown(() -> api.chapter(k.translation(), k.book(), k.chapter())).orElse(List.of())) {
                verses.put(v.kjv().verse(), VerseContentJson.read(v.content()));
            }
            return verses;
        });
        return Optional.ofNullable(chapter.get(kjvRef.verse()));
    }

    @Override
    public Stream<TranslationVerse> verses(String translationId) {
        // one call per book, made as the stream is read: a whole translation never sits in memory
        Iterator<BookLayout> books = Versification.named("KJVA").orElse(Versification.kjv()).books().iterator();
        Iterator<TranslationVerse> verses = new Iterator<>() {
            private Iterator<ContentApi.WireVerse> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && books.hasNext()) {
                    String book = books.next().osisId();
                    current = absentIfUnknown(() -> api.book(translationId, book)).orElse(List.of()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public TranslationVerse next() {
                if (!hasNext()) throw new NoSuchElementException();
                ContentApi.WireVerse v = current.next();
                return new TranslationVerse(v.kjv(), v.nativeRef(), VerseContentJson.read(v.content()));
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(verses, 0), false);
    }

    @Override
    public Optional<String> contentDigest(String translationId) {
        return absentIfUnknown(() -> api.digest(translationId)).map(ContentApi.DigestAnswer::digest).filter(d -> !d.isEmpty());
    }

    @Override
    public List<RelatedVerse> related(VerseRef verse, int limit) {
        return api.related(verse.osis(), limit);
    }

    @Override
    public List<TopicSummary> topicsOf(VerseRef verse) {
        return api.topicsOf(verse.osis());
    }

    @Override
    public List<CommentaryEntry> commentaryOn(VerseRef verse) {
        return api.commentaryOn(verse.osis());
    }

    @Override
    public List<TopicSummary> findTopics(String query, int limit) {
        return api.findTopics(query, limit);
    }

    @Override
    public Optional<Topic> topic(String id) {
        return absentIfUnknown(() -> api.topic(id));
    }

    @Override
    public Optional<Lemma> lemma(String strongs) {
        return absentIfUnknown(() -> api.lemma(strongs));
    }

    @Override
    public Optional<String> gloss(String strongs) {
        long current = corpusVersion();
        Stamped<Map<String, String>> known = glosses.get();
        if (known == null || known.version() != current) {
            known = new Stamped<>(current, 0, Map.copyOf(api.glosses()));
            glosses.set(known);
        }
        return Optional.ofNullable(known.value().get(strongs));
    }

    private static <T> Optional<T> absentIfUnknown(java.util.function.Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ProblemException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }
}
