package org.gospelib.content.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads topics and lexicon entries for the snapshot, inside the snapshot's own transaction. */
final class ReferenceWorksLoader {

    private final JdbcTemplate jdbc;

    ReferenceWorksLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ReferenceWorks.Topic> topics() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("select id, name from topic order by name, id", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        Map<String, Map<Integer, String>> headings = new HashMap<>();
        jdbc.query("select topic_id, position, heading from topic_heading order by topic_id, position", rs -> {
            headings.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getString(3));
        });
        Map<String, Map<Integer, List<Integer>>> verses = new HashMap<>();
        Versification kjv = Versification.kjv();
        jdbc.query("select topic_id, heading, book, chapter, verse from topic_verse", rs -> {
            VerseRef ref = new VerseRef(rs.getString(3), rs.getInt(4), rs.getInt(5));
            if (!kjv.contains(ref)) return;
            verses.computeIfAbsent(rs.getString(1), t -> new HashMap<>())
                    .computeIfAbsent(rs.getInt(2), h -> new ArrayList<>()).add(kjv.ordinal(ref));
        });
        Set<String> known = names.keySet();
        Map<String, List<String>> links = new HashMap<>();
        jdbc.query("select topic_id, target_key from topic_link order by topic_id, target_key", rs -> {
            if (known.contains(rs.getString(2))) links.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
        });
        List<ReferenceWorks.Topic> topics = new ArrayList<>(names.size());
        names.forEach((id, name) -> {
            List<ReferenceWorks.Heading> list = new ArrayList<>();
            Map<Integer, List<Integer>> byHeading = verses.getOrDefault(id, Map.of());
            headings.getOrDefault(id, Map.of()).forEach((position, heading) -> {
                int[] ordinals = byHeading.getOrDefault(position, List.of()).stream().mapToInt(Integer::intValue).sorted().toArray();
                if (ordinals.length > 0) list.add(new ReferenceWorks.Heading(heading, ordinals));
            });
            topics.add(new ReferenceWorks.Topic(id, name, list, links.getOrDefault(id, List.of())));
        });
        return topics;
    }

    Commentaries commentaries() {
        Map<Long, List<String>> cites = new HashMap<>();
        jdbc.query("select entry_id, osis from commentary_citation order by entry_id, osis", rs -> {
            cites.computeIfAbsent(rs.getLong(1), e -> new ArrayList<>()).add(rs.getString(2));
        });
        Versification kjv = Versification.kjv();
        List<Commentaries.Entry> entries = new ArrayList<>();
        jdbc.query("""
                select id, module, position, start_book, start_chapter, start_verse, end_book, end_chapter, end_verse, title, text
                from commentary_entry order by module, position""", rs -> {
            VerseRef start = new VerseRef(rs.getString(4), rs.getInt(5), Math.max(1, rs.getInt(6)));
            VerseRef end = new VerseRef(rs.getString(7), rs.getInt(8), Math.max(1, rs.getInt(9)));
            if (!kjv.contains(start) || !kjv.contains(end)) return;
            entries.add(new Commentaries.Entry(rs.getString(2), rs.getInt(3), kjv.ordinal(start), kjv.ordinal(end),
                    rs.getString(10), rs.getString(11), cites.getOrDefault(rs.getLong(1), List.of())));
        });
        return new Commentaries(entries);
    }

    Map<String, ReferenceWorks.Lemma> lemmas() {
        Map<String, ReferenceWorks.Lemma> lemmas = new HashMap<>(20_000);
        jdbc.query("select id, lemma, transliteration, pronunciation, definition, links from lexicon_entry", rs -> {
            String[] links = (String[]) rs.getArray(6).getArray();
            lemmas.put(rs.getString(1), new ReferenceWorks.Lemma(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), List.of(links)));
        });
        return lemmas;
    }
}
