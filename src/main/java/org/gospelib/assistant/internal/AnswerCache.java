package org.gospelib.assistant.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers already given, for the same question about the same corpus: keyed by the corpus
 * version, translation, language, the writers that may answer and the question as normalised.
 * Kept in PostgreSQL, so every replica of a split deployment shares them; answers of older corpus
 * versions are let go as newer ones are stored.
 */
@Component
class AnswerCache {

    /** A cached answer and what wrote it. */
    record Cached(List<AnswerPart> parts, String source) {
    }

    private static final TypeReference<List<AnswerPart>> PARTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AnswerCache(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static String key(long corpusVersion, Question question, String writers) {
        String normalised = CitationVerifier.normalise(question.text());
        String material = corpusVersion + "\n" + question.translation().toUpperCase(java.util.Locale.ROOT) + "\n"
                + question.language() + "\n" + writers + "\n" + normalised;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Cached> find(String key) {
        return jdbc.sql("select parts::text, source from assistant_answer where key = :key").param("key", key)
                .query((rs, i) -> new Cached(json.readValue(rs.getString(1), PARTS), rs.getString(2))).optional();
    }

    void put(String key, long corpusVersion, Cached answer) {
        jdbc.sql("""
                insert into assistant_answer (key, corpus_version, parts, source, created_at)
                values (:key, :version, cast(:parts as jsonb), :source, :at) on conflict (key) do nothing""")
                .param("key", key).param("version", corpusVersion).param("parts", json.writerFor(PARTS).writeValueAsString(answer.parts()))
                .param("source", answer.source()).param("at", Timestamp.from(Instant.now())).update();
        jdbc.sql("delete from assistant_answer where corpus_version < :version").param("version", corpusVersion).update();
    }
}
