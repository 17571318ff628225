package org.gospelib.search.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.platform.ProblemException;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.ParsedReference;
import org.gospelib.scripture.ReferenceParser;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.gospelib.search.SearchRequest;
import org.gospelib.search.SearchRequest.Mode;
import org.gospelib.search.SearchResults;
import org.gospelib.search.VerseSearch;
import org.springframework.stereotype.Component;

/** Runs a search against the index of one translation. */
@Component
class SearchService implements VerseSearch {

    static final int FEW_HITS = 3;
    static final int SEMANTIC_K = 100;
    static final int RRF_K = 60;
    static final int REFERENCE_VERSES = 5;

    private static final Pattern SPACED_REFERENCE = Pattern.compile("^(.*\\D)\\s+(\\d{1,3})\\s+(\\d{1,3})$");
    private static final Sort CANONICAL = new Sort(new SortField(IndexFields.ORDINAL, SortField.Type.INT));

    private final ScriptureText scripture;
    private final SearchIndexes indexes;
    private final Embeddings embeddings;
    private final byte[] cursorKey;
    private final ReferenceParser references = ReferenceParser.create();

    SearchService(ScriptureText scripture, SearchIndexes indexes, Embeddings embeddings, CursorKey cursorKey, MeterRegistry meters) {
        this.scripture = scripture;
        this.indexes = indexes;
        this.embeddings = embeddings;
        this.cursorKey = cursorKey.bytes();
        this.latency = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            latency.put(mode, Timer.builder("gospelib.search").tag("mode", mode.name().toLowerCase(Locale.ROOT))
                    .description("time to rank, count and highlight one page of search results")
                    .serviceLevelObjectives(LATENCY_BUCKETS).register(meters));
        }
    }

    /** Buckets of the search latency histogram: what a reader notices, from instant to slow. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)};
    private final Map<Mode, Timer> latency;

    /** A validated request. */
    record Checked(String q, TranslationInfo translation, Mode mode, boolean canonical, int limit, List<Query> filters,
            String filterKey) {
    }

    Checked check(SearchRequest r) {
        String q = SearchQueryParser.checkLength(r.q());
        List<TranslationInfo> translations = scripture.translations();
        if (translations.isEmpty()) throw SearchProblems.notReady("the corpus is not loaded yet; retry shortly");
        TranslationInfo translation = translations.getFirst();
        if (r.translation().isPresent()) {
            String id = r.translation().get().strip();
            translation = translations.stream().filter(t -> t.id().equalsIgnoreCase(id)).findFirst()
                    .orElseThrow(() -> SearchProblems.unknownTranslation(id, translations.stream().map(TranslationInfo::id).toList()));
        }
        if (r.mode() != Mode.LEXICAL && q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // a query of invisible characters or punctuation has nothing to embed
            throw SearchProblems.invalidQuery("the query has no words to search for by meaning");
        }
        List<Query> filters = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        if (!r.books().isEmpty()) {
            BooleanQuery.Builder books = new BooleanQuery.Builder();
            for (String osis : r.books()) {
                if (Versification.kjv().bookNamed(osis).filter(b -> b.osisId().equals(osis)).isEmpty()) {
                    throw SearchProblems.invalidFilter("book", "'" + osis + "' is not an OSIS book id");
                }
                books.add(new TermQuery(new Term(IndexFields.BOOK, osis)), Occur.SHOULD);
            }
            filters.add(books.build());
            key.append("book=").append(r.books()).append(';');
        }
        r.testament().ifPresent(t -> {
            filters.add(new TermQuery(new Term(IndexFields.TESTAMENT, t.name())));
            key.append("testament=").append(t.name()).append(';');
        });
        if (r.range().isPresent()) {
            Query range = rangeFilter(r.range().get().strip());
            filters.add(range);
            key.append("range=").append(range).append(';');
        }
        return new Checked(q, translation, r.mode(), r.order() == SearchRequest.Order.CANONICAL, r.limit(), filters, key.toString());
    }

    private Query rangeFilter(String text) {
        if (text.length() > 200) throw SearchProblems.invalidFilter("range", "the range is too long");
        ParsedReference parsed;
        try {
            parsed = references.parse(text);
        } catch (RuntimeException e) {
            throw SearchProblems.invalidFilter("range", "the range '" + text + "' is not a reference: " + e.getMessage());
        }
        Versification kjv = Versification.kjv();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (OsisRange range : parsed.ranges()) {
            List<VerseRef> verses;
            try {
                verses = range.verses(kjv);
            } catch (RuntimeException e) {
                throw SearchProblems.invalidFilter("range", "the range '" + text + "' is not in KJV numbering");
            }
            if (verses.isEmpty()) continue;
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (VerseRef v : verses) {
                if (!kjv.contains(v)) continue;
                int o = kjv.ordinal(v);
                first = Math.min(first, o);
                last = Math.max(last, o);
            }
            if (first > last) continue;
            b.add(IntPoint.newRangeQuery(IndexFields.ORDINAL, first, last), Occur.SHOULD);
            if (++clauses > 50) throw SearchProblems.invalidFilter("range", "the range has too many parts");
        }
        if (clauses == 0) throw SearchProblems.invalidFilter("range", "the range '" + text + "' names no verses");
        return b.build();
    }

    /** Fingerprint of everything that determines the ranking, for cursors. */
    static String fingerprint(Checked c, String normalizedQuery) {
        String key = normalizedQuery + "\u0001" + c.translation().id() + "\u0001" + c.mode() + "\u0001" + c.canonical()
                + "\u0001" + c.filterKey();
        return HexFormat.of().formatHex(Embeddings.sha256(key), 0, 8);
    }

    @Override
    public SearchResults search(SearchRequest request) {
        Checked c = check(request);
        TranslationIndex index = indexes.acquire(c.translation().id());
        if (index == null) throw SearchProblems.notReady("the search index of " + c.translation().id() + " is being built; retry shortly");
        try {
            if (c.mode() != Mode.LEXICAL) {
                if (!indexes.semanticOffered(c.translation())) throw SearchProblems.semanticUnavailable(c.translation().id());
                if (!index.semantic) {
                    throw SearchProblems.notReady("the semantic index of " + c.translation().id() + " is being built; retry shortly");
                }
            }
            long start = System.nanoTime();
            SearchResults results = run(c, request.cursor().orElse(""), index);
            latency.get(c.mode()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release();
        }
    }

    /** One page of hits, what they were found with, and how many there are in all. */
    private record Page(List<ScoreDoc> docs, long total, int[] books, Optional<String> nextCursor, Optional<Query> highlight,
            List<String> strongs, Optional<Boolean> typoTolerant) {
    }

    private SearchResults run(Checked c, String cursorText, TranslationIndex index) throws IOException {
        SearchQueryParser parser = new SearchQueryParser(index.analyzer);
        Page page = c.mode() == Mode.LEXICAL ? lexicalPage(c, cursorText, index, parser) : rankedPage(c, cursorText, index, parser);
        List<SearchResults.Hit> hits = hits(c, index, page.docs(), page.highlight().orElse(null), page.strongs());
        Optional<SearchResults.Reference> reference = cursorText.isBlank() ? Optional.ofNullable(reference(c)) : Optional.empty();
        return new SearchResults(c.q(), c.mode(), c.translation().id(),
                c.canonical() ? SearchRequest.Order.CANONICAL : SearchRequest.Order.RELEVANCE, page.total(), page.typoTolerant(), reference, hits,
                facets(page.books()), page.nextCursor());
    }

    /** A page of a lexical search: Lucene's ranking (or canonical order) after the cursor's hit, typos tolerated when exact words find little. */
    private Page lexicalPage(Checked c, String cursorText, TranslationIndex index, SearchQueryParser parser) throws IOException {
        IndexSearcher searcher = index.searcher;
        SearchQueryParser.Parsed parsed;
        Boolean typo = null;
        List<ScoreDoc> page;
        long total;
        int[] books;
        String nextCursor = null;
        String fingerprint;
        parsed = parser.parse(c.q(), false);
        Query query = filtered(parsed.query(), c.filters());
        books = searcher.search(query, BookCounts.MANAGER);
        total = sum(books);
        if (total < FEW_HITS && parsed.plainTerms() > 0) {
            SearchQueryParser.Parsed fuzzy = parser.parse(c.q(), true);
            Query fuzzyQuery = filtered(fuzzy.query(), c.filters());
            int[] fuzzyBooks = searcher.search(fuzzyQuery, BookCounts.MANAGER);
            if (sum(fuzzyBooks) > total) {
                parsed = fuzzy;
                query = fuzzyQuery;
                books = fuzzyBooks;
                total = sum(fuzzyBooks);
                typo = true;
            }
        }
        fingerprint = fingerprint(c, parsed.normalized());
        Cursor cursor = cursorText.isBlank() ? null : Cursor.decode(cursorText.strip(), fingerprint, index.key(), cursorKey);
        if (cursor != null && cursor.b() >= searcher.getIndexReader().maxDoc()) {
            throw SearchProblems.invalidCursor("the cursor is not one this API issued");
        }
        int seen = cursor == null ? 0 : cursor.seen();
        TopDocs top;
        if (c.canonical()) {
            if (cursor != null && cursor.kind() != Cursor.Kind.AFTER_ORDINAL) throw SearchProblems.invalidCursor("the cursor belongs to another query");
            FieldDoc after = cursor == null ? null : new FieldDoc((int) cursor.b(), Float.NaN, new Object[] {(int) cursor.a()});
            top = searcher.searchAfter(after, query, c.limit(), CANONICAL, true);
        } else {
            if (cursor != null && cursor.kind() != Cursor.Kind.AFTER_SCORE) throw SearchProblems.invalidCursor("the cursor belongs to another query");
            ScoreDoc after = cursor == null ? null : new ScoreDoc((int) cursor.b(), Float.intBitsToFloat((int) cursor.a()));
            top = searcher.searchAfter(after, query, c.limit());
        }
        page = List.of(top.scoreDocs);
        int now = seen + page.size();
        if (!page.isEmpty() && page.size() == c.limit() && now < total) {
            ScoreDoc last = page.getLast();
            long a = c.canonical() ? ((Number) ((FieldDoc) last).fields[0]).longValue() : Float.floatToIntBits(last.score);
            nextCursor = new Cursor(fingerprint, index.key(), c.canonical() ? Cursor.Kind.AFTER_ORDINAL : Cursor.Kind.AFTER_SCORE, a, last.doc, now).encode(cursorKey);
        }
        return new Page(page, total, books, Optional.ofNullable(nextCursor), Optional.of(parsed.query()), parsed.strongs(),
                Optional.ofNullable(typo));
    }

    /**
     * A page of a semantic or hybrid search: the nearest verses by meaning (fused by rank with the
     * lexical ranking for hybrid), {@value #SEMANTIC_K} at most, paged by offset.
     */
    private Page rankedPage(Checked c, String cursorText, TranslationIndex index, SearchQueryParser parser) throws IOException {
        IndexSearcher searcher = index.searcher;
        SearchQueryParser.Parsed parsed;
        List<ScoreDoc> page;
        long total;
        int[] books;
        String nextCursor = null;
        String fingerprint;
        List<ScoreDoc> ranked = new ArrayList<>();
        Query filter = c.filters().isEmpty() ? null : filtered(null, c.filters());
        TopDocs semantic = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, embeddings.embedQuery(c.q()),
                SEMANTIC_K, filter), SEMANTIC_K);
        parsed = null;
        try {
            parsed = parser.parse(c.q(), false, true);
        } catch (ProblemException e) {
            if (c.mode() == Mode.HYBRID) throw e;
        }
        if (c.mode() == Mode.HYBRID) {
            TopDocs lexical = searcher.search(filtered(parsed.query(), c.filters()), SEMANTIC_K);
            TopDocs fused = TopDocs.rrf(SEMANTIC_K * 2, RRF_K, new TopDocs[] {lexical, semantic});
            ranked.addAll(List.of(fused.scoreDocs));
        } else {
            ranked.addAll(List.of(semantic.scoreDocs));
        }
        StoredFields stored = searcher.storedFields();
        if (c.canonical()) {
            List<int[]> withOrdinal = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                withOrdinal.add(new int[] {stored.document(ranked.get(i).doc).getField(IndexFields.ORDINAL).numericValue().intValue(), i});
            }
            withOrdinal.sort(Comparator.comparingInt(x -> x[0]));
            List<ScoreDoc> sorted = new ArrayList<>();
            for (int[] x : withOrdinal) sorted.add(ranked.get(x[1]));
            ranked = sorted;
        }
        total = ranked.size();
        books = new int[BookCounts.SLOTS];
        for (ScoreDoc sd : ranked) {
            String osis = stored.document(sd.doc).get(IndexFields.OSIS);
            books[Versification.kjv().bookOrder(VerseRef.parseOsis(osis).book())]++;
        }
        fingerprint = fingerprint(c, c.q().replaceAll("\\s+", " "));
        Cursor cursor = cursorText.isBlank() ? null : Cursor.decode(cursorText.strip(), fingerprint, index.key(), cursorKey);
        if (cursor != null && cursor.kind() != Cursor.Kind.AT_OFFSET) throw SearchProblems.invalidCursor("the cursor belongs to another query");
        int offset = cursor == null ? 0 : (int) Math.min(cursor.a(), ranked.size());
        page = ranked.subList(offset, Math.min(ranked.size(), offset + c.limit()));
        int now = offset + page.size();
        if (now < ranked.size()) nextCursor = new Cursor(fingerprint, index.key(), Cursor.Kind.AT_OFFSET, now, 0, now).encode(cursorKey);
        return new Page(page, total, books, Optional.ofNullable(nextCursor), Optional.ofNullable(parsed).map(SearchQueryParser.Parsed::query),
                parsed == null ? List.of() : parsed.strongs(), Optional.empty());
    }

    private static Query filtered(Query query, List<Query> filters) {
        if (filters.isEmpty() && query != null) return query;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (query != null) b.add(query, Occur.MUST);
        for (Query f : filters) b.add(f, Occur.FILTER);
        return b.build();
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int n : counts) total += n;
        return total;
    }

    private static SearchResults.Facets facets(int[] counts) {
        List<SearchResults.BookCount> books = new ArrayList<>();
        List<org.gospelib.scripture.BookLayout> layouts = Versification.kjv().books();
        for (int i = 0; i < counts.length && i < layouts.size(); i++) {
            if (counts[i] > 0) books.add(new SearchResults.BookCount(layouts.get(i).osisId(), counts[i]));
        }
        return new SearchResults.Facets(books);
    }

    private List<SearchResults.Hit> hits(Checked c, TranslationIndex index, List<ScoreDoc> page, Query highlightQuery,
            List<String> strongs) throws IOException {
        if (page.isEmpty()) return List.of();
        IndexSearcher searcher = index.searcher;
        String[] highlights = null;
        if (highlightQuery != null) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                    .withBreakIterator(WholeBreakIterator::new)
                    .withMaxLength(10_000)
                    .withHighlightPhrasesStrictly(true)
                    .build();
            ScoreDoc[] docs = page.stream().map(sd -> new ScoreDoc(sd.doc, Float.isNaN(sd.score) ? 0 : sd.score)).toArray(ScoreDoc[]::new);
            try {
                highlights = highlighter.highlight(IndexFields.TEXT, highlightQuery,
                        new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs), 1);
            } catch (RuntimeException e) {
                highlights = null;
            }
        }
        StoredFields stored = searcher.storedFields();
        List<SearchResults.Hit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            ScoreDoc sd = page.get(i);
            Document doc = stored.document(sd.doc);
            String osis = doc.get(IndexFields.OSIS);
            String text = doc.get(IndexFields.TEXT);
            String highlight = highlights == null ? null : highlights[i];
            List<String> words = null;
            if (!strongs.isEmpty()) {
                Optional<VerseContent> content = scripture.verse(c.translation().id(), VerseRef.parseOsis(osis));
                if (content.isPresent()) {
                    words = new ArrayList<>();
                    StringBuilder marked = new StringBuilder();
                    for (Segment s : content.get().segments()) {
                        boolean uses = s.strongs().stream().anyMatch(strongs::contains);
                        if (uses) {
                            String word = s.text().strip();
                            if (!word.isEmpty() && !words.contains(word)) words.add(word);
                            marked.append("<mark>").append(escape(s.text())).append("</mark>");
                        } else {
                            marked.append(escape(s.text()));
                        }
                    }
                    if (highlight == null || !highlight.contains("<mark>")) highlight = marked.toString();
                }
            }
            if (highlight == null) highlight = escape(text);
            Float score = Float.isNaN(sd.score) ? null : sd.score;
            hits.add(new SearchResults.Hit(osis, c.translation().id(), Optional.ofNullable(score), text, highlight,
                    Optional.ofNullable(words)));
        }
        return hits;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** The query read as a reference, if it is one: "John 3:16", "Salmo 23", "jn 3 16". */
    SearchResults.Reference reference(Checked c) {
        String q = c.q();
        if (q.chars().noneMatch(Character::isDigit) || q.length() > 100) return null;
        ParsedReference parsed = tryParse(q);
        if (parsed == null) {
            Matcher m = SPACED_REFERENCE.matcher(q);
            if (m.matches()) parsed = tryParse(m.group(1).strip() + " " + m.group(2) + ":" + m.group(3));
        }
        if (parsed == null || parsed.ranges().isEmpty()) return null;
        List<SearchResults.Verse> verses = new ArrayList<>();
        outer:
        for (OsisRange range : parsed.ranges()) {
            List<VerseRef> refs;
            try {
                refs = range.verses(Versification.kjv());
            } catch (RuntimeException e) {
                continue;
            }
            for (VerseRef ref : refs) {
                if (verses.size() >= REFERENCE_VERSES) break outer;
                Optional<VerseContent> content = scripture.verse(c.translation().id(), ref);
                content.ifPresent(v -> verses.add(new SearchResults.Verse(ref.osis(), v.text())));
            }
        }
        return new SearchResults.Reference(parsed.osis(), verses);
    }

    private ParsedReference tryParse(String text) {
        try {
            return references.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
