package org.gospelib.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationVerse;
import org.gospelib.scripture.Versification;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The baseline of the speed comparison: PostgreSQL's own full-text search over the verses of one
 * translation, in a scratch table {@code bench_fts} with a GIN index on
 * {@code to_tsvector('english', text)}, ranked by {@code ts_rank_cd}. Only a benchmark creates
 * it, and {@link #close()} drops it.
 */
final class PostgresFullText implements AutoCloseable {

    static final String TABLE = "bench_fts";
    private static final String SEARCH = "SELECT osis, text FROM " + TABLE + ", websearch_to_tsquery('english', ?) q "
            + "WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC, ordinal LIMIT ?";

    /**
     * The work of a whole search answer, in one statement: the first verses ranked, each with its
     * text highlighted ({@code ts_headline}, every match marked, as the answer marks them), and
     * the matches counted per book (the answer's facets, whose sum is its total).
     */
    private static final String ANSWER = "WITH q AS (SELECT websearch_to_tsquery('english', ?) AS q), "
            + "m AS (SELECT osis, book, ordinal, text, tsv FROM " + TABLE + ", q WHERE tsv @@ q.q), "
            + "top AS (SELECT osis, text, ordinal, ts_rank_cd(tsv, q.q) AS r FROM m, q ORDER BY r DESC, ordinal LIMIT ?) "
            + "SELECT 0 AS part, row_number() OVER (ORDER BY r DESC, ordinal) AS n, osis AS name, "
            + "ts_headline('english', text, q.q, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') AS marked "
            + "FROM top, q "
            + "UNION ALL SELECT 1, count(*), book, NULL FROM m GROUP BY book "
            + "ORDER BY part, n";

    private final JdbcTemplate jdbc;
    final long buildMillis;
    final int rows;

    PostgresFullText(JdbcTemplate jdbc, ScriptureText scripture, String translation) {
        this.jdbc = jdbc;
        long start = System.nanoTime();
        jdbc.execute("DROP TABLE IF EXISTS " + TABLE);
        jdbc.execute("CREATE TABLE " + TABLE + " (osis text PRIMARY KEY, book text NOT NULL, ordinal int NOT NULL, "
                + "text text NOT NULL, tsv tsvector NOT NULL)");
        Versification kjv = Versification.kjv();
        List<Object[]> rows = new ArrayList<>();
        try (Stream<TranslationVerse> verses = scripture.verses(translation)) {
            verses.filter(v -> kjv.contains(v.kjvRef()) && !v.content().text().isBlank()).forEach(v -> rows.add(new Object[] {
                    v.kjvRef().osis(), v.kjvRef().book(), kjv.ordinal(v.kjvRef()), v.content().text(), v.content().text()}));
        }
        jdbc.batchUpdate("INSERT INTO " + TABLE + " (osis, book, ordinal, text, tsv) VALUES (?, ?, ?, ?, to_tsvector('english', ?))", rows);
        jdbc.execute("CREATE INDEX " + TABLE + "_tsv ON " + TABLE + " USING gin (tsv)");
        jdbc.execute("ANALYZE " + TABLE);
        this.rows = rows.size();
        this.buildMillis = (System.nanoTime() - start) / 1_000_000;
    }

    /** The first {@code limit} verses for a query in web-search syntax, best first. */
    List<String> search(String websearchQuery, int limit) {
        return jdbc.query(SEARCH, (rs, i) -> {
            rs.getString(2); // the text travels too, as it does in a search answer
            return rs.getString(1);
        }, websearchQuery, limit);
    }

    /**
     * The same work as a whole search answer: the first {@code limit} verses with their
     * highlighted texts, then the matches per book; returns the verses' references.
     */
    List<String> answer(String websearchQuery, int limit) {
        List<String> osis = new ArrayList<>(limit);
        long[] total = new long[1];
        jdbc.query(ANSWER, rs -> {
            if (rs.getInt(1) == 0) {
                rs.getString(4); // the highlighted text is part of the answer
                osis.add(rs.getString(3));
            } else {
                total[0] += rs.getLong(2);
            }
        }, websearchQuery, limit);
        return osis;
    }

    /** The cheapest round trip, to tell the cost of the search from the cost of asking. */
    void ping() {
        jdbc.queryForObject("SELECT 1", Integer.class);
    }

    @Override
    public void close() {
        jdbc.execute("DROP TABLE IF EXISTS " + TABLE);
    }
}
