package org.gospelib.assistant.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.assistant.AssistantHistory;
import org.gospelib.identity.UserDeleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Each reader's questions and answers: kept, listed, deleted one by one or with the account. */
@Component
class ExchangeStore implements AssistantHistory {

    /** A stored exchange with its answer's parts. */
    record Stored(UUID id, UUID userId, Instant askedAt, String translation, String language, String question,
            List<AnswerPart> parts, String source) {
    }

    private static final TypeReference<List<AnswerPart>> PARTS = new TypeReference<>() {
    };

    private static final String SELECT = "select id, user_id, asked_at, translation, language, question, parts::text, source"
            + " from assistant_exchange ";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ExchangeStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(Stored e) {
        jdbc.sql("""
                insert into assistant_exchange (id, user_id, asked_at, translation, language, question, parts, source)
                values (:id, :user, :at, :translation, :language, :question, cast(:parts as jsonb), :source)""")
                .param("id", e.id()).param("user", e.userId()).param("at", Timestamp.from(e.askedAt()))
                .param("translation", e.translation()).param("language", e.language()).param("question", e.question())
                .param("parts", json.writerFor(PARTS).writeValueAsString(e.parts())).param("source", e.source())
                .update();
    }

    /** The reader's exchanges, newest first, asked before {@code before} if given. */
    List<Stored> list(UUID userId, Optional<Instant> before, int limit) {
        return jdbc.sql(SELECT + """
                where user_id = :user and asked_at < :before order by asked_at desc, id limit :limit""")
                .param("user", userId).param("before", Timestamp.from(before.orElse(Instant.parse("9999-01-01T00:00:00Z"))))
                .param("limit", limit).query((rs, i) -> row(rs)).list();
    }

    Optional<Stored> find(UUID userId, UUID id) {
        return jdbc.sql(SELECT + """
                where user_id = :user and id = :id""").param("user", userId).param("id", id).query((rs, i) -> row(rs)).optional();
    }

    boolean delete(UUID userId, UUID id) {
        return jdbc.sql("delete from assistant_exchange where user_id = :user and id = :id").param("user", userId).param("id", id)
                .update() > 0;
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        jdbc.sql("delete from assistant_exchange where user_id = :user").param("user", deleted.userId()).update();
        jdbc.sql("delete from assistant_quota where user_id = :user").param("user", deleted.userId()).update();
    }

    @Override
    public List<Exchange> of(UUID userId) {
        return jdbc.sql(SELECT + """
                where user_id = :user order by asked_at, id""").param("user", userId).query((rs, i) -> row(rs)).list()
                .stream().map(ExchangeStore::exchange).toList();
    }

    static Exchange exchange(Stored s) {
        StringBuilder answer = new StringBuilder();
        List<String> citations = new java.util.ArrayList<>();
        for (AnswerPart part : s.parts()) {
            switch (part) {
                case AnswerPart.Text t -> answer.append(t.text());
                case AnswerPart.Citation c when c.verified() -> {
                    c.quote().ifPresent(q -> answer.append('\u201C').append(q).append("\u201D "));
                    answer.append('[').append(c.osis()).append(']');
                    citations.add(c.osis());
                }
                case AnswerPart.Citation c -> answer.append(c.status() == AnswerPart.Status.MISQUOTED
                        ? "[misquoted: " + c.label() + "]" : "[citation removed]");
            }
        }
        return new Exchange(s.id(), s.askedAt(), s.translation(), s.question(), answer.toString(), citations, s.source());
    }

    private Stored row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(), rs.getString(4),
                rs.getString(5), rs.getString(6), json.readValue(rs.getString(7), PARTS), rs.getString(8));
    }
}
