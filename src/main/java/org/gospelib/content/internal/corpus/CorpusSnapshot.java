package org.gospelib.content.internal.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gospelib.content.internal.graph.ScriptureGraph;

/** The whole corpus at one version, immutable; replaced as a whole when the corpus changes. */
public final class CorpusSnapshot {

    public static final CorpusSnapshot EMPTY = new CorpusSnapshot(0, "", "", List.of(), ReferenceWorks.EMPTY, ScriptureGraph.EMPTY);

    private final long version;
    private final String contentKey;
    private final String worksKey;
    private final List<TranslationSnapshot> translations;
    private final Map<String, TranslationSnapshot> byId = new LinkedHashMap<>();

    private final ReferenceWorks referenceWorks;
    private final ScriptureGraph graph;

    public CorpusSnapshot(long version, String contentKey, String worksKey, List<TranslationSnapshot> translations,
            ReferenceWorks referenceWorks, ScriptureGraph graph) {
        this.version = version;
        this.contentKey = contentKey;
        this.worksKey = worksKey;
        this.graph = graph;
        this.referenceWorks = referenceWorks;
        this.translations = List.copyOf(translations);
        translations.forEach(t -> byId.put(t.id().toUpperCase(Locale.ROOT), t));
    }

    public ReferenceWorks referenceWorks() {
        return referenceWorks;
    }

    /** Verses, topics, lemmas and commentary entries, and the edges between them. */
    public ScriptureGraph graph() {
        return graph;
    }

    public long version() {
        return version;
    }

    /** What the corpus is made of: equal keys, equal content (see {@code CorpusTables.identity()}). */
    public String contentKey() {
        return contentKey;
    }

    /** What its reference works are made of: equal keys, equal topics, lexicons and commentaries. */
    public String worksKey() {
        return worksKey;
    }

    /** The same content at another version of the stored corpus: nothing is copied. */
    public CorpusSnapshot at(long newVersion) {
        return new CorpusSnapshot(newVersion, contentKey, worksKey, translations, referenceWorks, graph);
    }

    public List<TranslationSnapshot> translations() {
        return translations;
    }

    /** A translation by id, ignoring case. */
    public Optional<TranslationSnapshot> translation(String id) {
        return Optional.ofNullable(byId.get(id.toUpperCase(Locale.ROOT)));
    }

    public boolean isLoaded() {
        return !translations.isEmpty();
    }
}
