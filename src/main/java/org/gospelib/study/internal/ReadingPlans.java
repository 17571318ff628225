package org.gospelib.study.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.gospelib.content.CorpusSnapshotSwapped;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationVerse;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The built-in reading plans, generated from the corpus itself: the KJV's chapters and the
 * length of their text, balanced into days by {@link PlanBuilder}. Regenerated when the corpus
 * version changes.
 */
@Component
class ReadingPlans {

    /** A plan: its days, each a list of OSIS ranges. */
    record Plan(String id, String name, String description, List<List<String>> days) {
    }

    private record Spec(String id, String name, String description, String firstBook, String lastBook, int days) {
    }

    static final List<Spec> BUILT_IN = List.of(
            new Spec("bible-in-a-year", "The Bible in a year", "Genesis to Revelation in 365 days of about equal length",
                    "Gen", "Rev", 365),
            new Spec("new-testament-90-days", "The New Testament in 90 days", "Matthew to Revelation in 90 days", "Matt", "Rev", 90),
            new Spec("psalms-and-proverbs-month", "Psalms and Proverbs in a month", "Psalms and Proverbs in 31 days",
                    "Ps", "Prov", 31));

    private final ScriptureText scripture;
    private final AtomicReference<Map.Entry<Long, Map<String, Plan>>> built = new AtomicReference<>(Map.entry(-1L, Map.of()));

    ReadingPlans(ScriptureText scripture) {
        this.scripture = scripture;
    }

    /**
     * Builds the plans as soon as a corpus is in memory, on a thread of its own: generating them
     * reads every KJV verse, which no request should wait for.
     */
    @EventListener
    void on(CorpusSnapshotSwapped event) {
        Thread.ofVirtual().name("reading-plans").start(this::builtIn);
    }

    /** The built-in plans; empty until the corpus is loaded. */
    Map<String, Plan> builtIn() {
        long version = scripture.corpusVersion();
        Map.Entry<Long, Map<String, Plan>> current = built.get();
        if (current.getKey() == version && !current.getValue().isEmpty()) return current.getValue();
        List<PlanBuilder.Chapter> chapters = chapters();
        Map<String, Plan> plans = new LinkedHashMap<>();
        if (!chapters.isEmpty()) {
            for (Spec spec : BUILT_IN) {
                List<PlanBuilder.Chapter> run = between(chapters, spec.firstBook(), spec.lastBook());
                if (run.size() < spec.days()) continue;
                List<List<String>> days = PlanBuilder.balance(run, spec.days()).stream().map(PlanBuilder::osis).toList();
                plans.put(spec.id(), new Plan(spec.id(), spec.name(), spec.description(), days));
            }
        }
        built.set(Map.entry(version, java.util.Collections.unmodifiableMap(plans)));
        return plans;
    }

    Optional<Plan> plan(String id) {
        return Optional.ofNullable(builtIn().get(id));
    }

    /** The KJV's chapters in canonical order with the characters of their text. */
    private List<PlanBuilder.Chapter> chapters() {
        List<PlanBuilder.Chapter> chapters = new ArrayList<>();
        try (Stream<TranslationVerse> verses = scripture.verses("KJV")) {
            String book = null;
            int chapter = -1;
            long length = 0;
            for (TranslationVerse v : (Iterable<TranslationVerse>) verses::iterator) {
                if (!v.kjvRef().book().equals(book) || v.kjvRef().chapter() != chapter) {
                    if (book != null) chapters.add(new PlanBuilder.Chapter(book, chapter, length));
                    book = v.kjvRef().book();
                    chapter = v.kjvRef().chapter();
                    length = 0;
                }
                length += v.content().text().length();
            }
            if (book != null) chapters.add(new PlanBuilder.Chapter(book, chapter, length));
        }
        return chapters;
    }

    private static List<PlanBuilder.Chapter> between(List<PlanBuilder.Chapter> chapters, String first, String last) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < chapters.size(); i++) {
            if (from < 0 && chapters.get(i).book().equals(first)) from = i;
            if (chapters.get(i).book().equals(last)) to = i;
        }
        return from < 0 || to < from ? List.of() : chapters.subList(from, to + 1);
    }
}
