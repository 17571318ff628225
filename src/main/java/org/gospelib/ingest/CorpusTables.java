package org.gospelib.ingest;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The read side of the corpus tables ingest writes (translations, books, verses and their
 * alignment, topics, commentaries, the lexicon, the corpus version), for the content service's
 * loaders. The tables and their storage formats stay ingest's: this is the one place outside
 * ingest's writers that knows their columns. A plain class, not a bean, because the content
 * service may run in a process that does not run ingest; it reads within the caller's transaction.
 */
public final class CorpusTables {

    public record Translation(String id, String name, String language, String license, String versification, int verseCount) {
    }

    public record Book(String osis, String name, String longName, String abbreviation, String testament, int chapterCount,
            int verseCount) {
    }

    /** A verse as stored, its content decoded from the storage format. */
    public record Verse(VerseRef ref, VerseContent content) {
    }

    /** Where a KJV-numbered verse is in a translation's own numbering; empty: the translation lacks it. */
    public record Alignment(VerseRef kjv, Optional<VerseRef> own) {
    }

    public record Topic(String id, String name) {
    }

    public record TopicHeading(String topicId, int position, String heading) {
    }

    public record TopicVerse(String topicId, int heading, VerseRef ref) {
    }

    public record TopicLink(String topicId, String targetKey) {
    }

    public record CommentaryCitation(long entryId, String osis) {
    }

    /** A commentary entry's span: verse 0 is a chapter's introduction. */
    public record CommentaryEntry(long id, String module, int position, String startBook, int startChapter, int startVerse,
            String endBook, int endChapter, int endVerse, String title, String text) {
    }

    public record LexiconEntry(String id, String lemma, String transliteration, String pronunciation, String definition,
            List<String> links) {
    }

    private final JdbcOperations jdbc;

    public CorpusTables(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public long version() {
        Long v = jdbc.queryForObject("select version from corpus_state where id = 1", Long.class);
        return v == null ? 0 : v;
    }

    /**
     * The stored corpus at this moment: its version, and a key of what it is made of (each
     * installed module's checksum and the version of the parser that stored it), read together.
     * Two versions with the same key hold the same content: a full ingest of unchanged modules
     * bumps the version and keeps the key; another database with the same modules has the same key.
     */
    public Identity identity() {
        return jdbc.queryForObject("""
                with t as (select coalesce(string_agg('t ' || id || ' ' || checksum || ' ' || parser_version, ';' order by id), '') s
                           from translation),
                     w as (select coalesce(string_agg('w ' || module || ' ' || kind || ' ' || checksum || ' ' || parser_version, ';'
                                   order by module), '') s from reference_work)
                select c.version, encode(sha256(convert_to(t.s || '|' || w.s, 'UTF8')), 'hex'),
                       encode(sha256(convert_to(w.s, 'UTF8')), 'hex')
                from corpus_state c, t, w where c.id = 1""",
                (rs, i) -> new Identity(rs.getLong(1), rs.getString(2).substring(0, 32), rs.getString(3).substring(0, 32)));
    }

    /**
     * @param contentKey the same for two versions exactly when their content is the same (see {@link #identity()})
     * @param worksKey   the same exactly when their reference works (topics, lexicons, commentaries) are
     */
    public record Identity(long version, String contentKey, String worksKey) {
    }

    /** KJV first (the reference numbering and the default translation), then by language and id. */
    public List<Translation> translations() {
        return jdbc.query("""
                select id, name, language, license, versification, verse_count from translation
                order by case when versification = 'KJV' and id = 'KJV' then 0 else 1 end, language, id""",
                (rs, i) -> new Translation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6)));
    }

    /** A translation's books in canonical order. */
    public void books(String translationId, Consumer<Book> each) {
        jdbc.query("""
                select osis_id, name, long_name, abbreviation, testament, chapter_count, verse_count
                from book where translation_id = ? order by position""",
                rs -> {
                    each.accept(new Book(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getInt(7)));
                }, translationId);
    }

    /** A translation's verses with text, read through a cursor: rows arrive in batches, never all at once. */
    public void verses(String translationId, Consumer<Verse> each) {
        jdbc.query(con -> {
            var statement = con.prepareStatement(
                    "select book, chapter, verse, content from verse where translation_id = ? and text <> ''");
            statement.setFetchSize(2_000);
            statement.setString(1, translationId);
            return statement;
        }, rs -> {
            each.accept(new Verse(new VerseRef(rs.getString(1), rs.getInt(2), rs.getInt(3)), VerseContentJson.read(rs.getString(4))));
        });
    }

    /** The verses whose number differs from the KJV's; a verse not listed has the KJV's number. */
    public void alignments(String translationId, Consumer<Alignment> each) {
        jdbc.query("""
                select kjv_book, kjv_chapter, kjv_verse, native_book, native_chapter, native_verse
                from verse_alignment where translation_id = ?""", rs -> {
            String nativeBook = rs.getString(4);
            each.accept(new Alignment(new VerseRef(rs.getString(1), rs.getInt(2), rs.getInt(3)),
                    nativeBook == null ? Optional.empty() : Optional.of(new VerseRef(nativeBook, rs.getInt(5), rs.getInt(6)))));
        }, translationId);
    }

    /** Topics by name. */
    public void topics(Consumer<Topic> each) {
        jdbc.query("select id, name from topic order by name, id", rs -> {
            each.accept(new Topic(rs.getString(1), rs.getString(2)));
        });
    }

    public void topicHeadings(Consumer<TopicHeading> each) {
        jdbc.query("select topic_id, position, heading from topic_heading order by topic_id, position", rs -> {
            each.accept(new TopicHeading(rs.getString(1), rs.getInt(2), rs.getString(3)));
        });
    }

    public void topicVerses(Consumer<TopicVerse> each) {
        jdbc.query("select topic_id, heading, book, chapter, verse from topic_verse", rs -> {
            each.accept(new TopicVerse(rs.getString(1), rs.getInt(2), new VerseRef(rs.getString(3), rs.getInt(4), rs.getInt(5))));
        });
    }

    public void topicLinks(Consumer<TopicLink> each) {
        jdbc.query("select topic_id, target_key from topic_link order by topic_id, target_key", rs -> {
            each.accept(new TopicLink(rs.getString(1), rs.getString(2)));
        });
    }

    public void commentaryCitations(Consumer<CommentaryCitation> each) {
        jdbc.query("select entry_id, osis from commentary_citation order by entry_id, osis", rs -> {
            each.accept(new CommentaryCitation(rs.getLong(1), rs.getString(2)));
        });
    }

    /** By module, in each module's order. */
    public void commentaryEntries(Consumer<CommentaryEntry> each) {
        jdbc.query("""
                select id, module, position, start_book, start_chapter, start_verse, end_book, end_chapter, end_verse, title, text
                from commentary_entry order by module, position""", rs -> {
            each.accept(new CommentaryEntry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                    rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11)));
        });
    }

    public void lexiconEntries(Consumer<LexiconEntry> each) {
        jdbc.query("select id, lemma, transliteration, pronunciation, definition, links from lexicon_entry", rs -> {
            String[] links = (String[]) rs.getArray(6).getArray();
            each.accept(new LexiconEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    List.of(links)));
        });
    }
}
