package org.gospelib.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The activity feed, a read model the study module writes from its own events through Spring
 * Modulith's event publication registry: each event recorded in {@code event_publication} with the
 * write, delivered after commit, completed, and shown once however often it is delivered.
 */
class StudyActivityApiTests extends RunningApplication {

    static final String PASSWORD = "correct horse battery staple";
    static final String LISTENER = "org.gospelib.study.internal.ActivityFeed.%";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JsonMapper json;

    record User(UUID id, String authorization) {
    }

    User signUp() {
        String email = "active-" + UUID.randomUUID() + "@example.test";
        Http.Response up = http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Http.Response token = http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        return new User(UUID.fromString(up.json().path("id").asString()), "Bearer " + token.json().path("accessToken").asString());
    }

    String keep(User user, String collection, String body) {
        Http.Response created = http.postJson("/v1/me/" + collection, body, "Authorization", user.authorization());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    JsonNode activity(User user) {
        Http.Response feed = http.get("/v1/me/activity", "Authorization", user.authorization());
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.header("Cache-Control")).contains("no-store");
        return feed.json().path("activity");
    }

    @Test
    void aNewNoteIsRecordedInTheRegistryCompletedAndShownOnce() {
        User ana = signUp();
        String note = keep(ana, "notes", "{\"ref\":\"John 3:16\",\"body\":\"so loved\"}");
        // written in the note's own transaction, so it exists as soon as the create is answered
        assertThat(publications(note, false)).isEqualTo(1);
        await(() -> publications(note, true) == 1, "the activity listener completes its publication");
        assertThat(publications(note, false)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from event_publication where listener_id like ? and serialized_event like ?",
                String.class, LISTENER, "%" + note + "%")).isEqualTo("COMPLETED");

        JsonNode feed = activity(ana);
        assertThat(feed.size()).isEqualTo(1);
        JsonNode entry = feed.get(0);
        assertThat(entry.path("kind").asString()).isEqualTo("note.created");
        assertThat(entry.path("osis").asString()).isEqualTo("John.3.16");
        assertThat(entry.path("itemId").asString()).isEqualTo(note);
        assertThat(entry.path("at").asString()).isNotBlank();
    }

    @Test
    void aUsersFeedShowsOnlyTheirOwnActivityNewestFirst() {
        User ana = signUp();
        User ben = signUp();
        String highlight = keep(ana, "highlights", "{\"ref\":\"Ps 23:1\",\"colour\":\"green\"}");
        String bookmark = keep(ana, "bookmarks", "{\"ref\":\"Rom 8\"}");
        String note = keep(ben, "notes", "{\"ref\":\"Gen 1:1\",\"body\":\"in the beginning\"}");
        await(() -> entries(ana.id()) == 2 && entries(ben.id()) == 1, "both feeds are written");

        JsonNode anas = activity(ana);
        assertThat(anas.findValuesAsString("itemId")).containsExactly(bookmark, highlight);
        assertThat(anas.findValuesAsString("kind")).containsExactly("bookmark.created", "highlight.created");
        JsonNode bens = activity(ben);
        assertThat(bens.findValuesAsString("itemId")).containsExactly(note);
        assertThat(bens.toString()).doesNotContain(highlight, bookmark, "Ps.23", "Rom.8");
    }

    @Test
    void anEventDeliveredAgainLeavesOneEntry() throws Exception {
        User ana = signUp();
        String note = keep(ana, "notes", "{\"ref\":\"Phil 4:13\",\"body\":\"strength\"}");
        await(() -> publications(note, true) == 1, "the first delivery completes");
        String serialized = jdbc.queryForObject("select serialized_event from event_publication where listener_id like ? "
                + "and serialized_event like ?", String.class, LISTENER, "%" + note + "%");
        NoteCreated event = json.readValue(serialized, NoteCreated.class);
        assertThat(event.itemId().toString()).isEqualTo(note);

        // the same event twice more, each through the registry as a restart's resubmission would deliver it: one
        // after the other, since the registry tracks a publication in flight by its event and listener, so two
        // equal events in flight at once are not two deliveries any restart makes
        for (int i = 2; i <= 3; i++) {
            transactions.executeWithoutResult(status -> events.publishEvent(event));
            int delivered = i;
            await(() -> publications(note, true) == delivered, "repeated delivery " + (i - 1) + " completes");
        }

        assertThat(jdbc.queryForObject("select count(*) from study_activity where subject = ?", Long.class, event.itemId())).isEqualTo(1);
        assertThat(activity(ana).findValuesAsString("itemId")).containsExactly(note);
    }

    @Test
    void aPlanDayReadShowsInTheFeed() {
        User ana = signUp();
        Http.Response enrolled = http.postJson("/v1/me/plans", "{\"name\":\"Lent\",\"readings\":[\"Matt 5-7\",\"Luke 15\"]}",
                "Authorization", ana.authorization());
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        String plan = enrolled.json().path("id").asString();
        assertThat(http.send("PUT", "/v1/me/plans/" + plan + "/days/2", "", "Authorization", ana.authorization()).status()).isEqualTo(200);
        // marking a day already read publishes nothing, so it stays one entry
        assertThat(http.send("PUT", "/v1/me/plans/" + plan + "/days/2", "", "Authorization", ana.authorization()).status()).isEqualTo(200);
        await(() -> entries(ana.id()) == 1, "the day read reaches the feed");

        JsonNode feed = activity(ana);
        assertThat(feed.size()).isEqualTo(1);
        JsonNode entry = feed.get(0);
        assertThat(entry.path("kind").asString()).isEqualTo("plan.day-completed");
        assertThat(entry.path("enrolmentId").asString()).isEqualTo(plan);
        assertThat(entry.path("day").asInt()).isEqualTo(2);
        assertThat(entry.path("at").asString()).isNotBlank();
        assertThat(entry.has("itemId")).isFalse();
    }

    @Test
    void refusesABadLimitAndAnonymousCallers() {
        User ana = signUp();
        for (String limit : List.of("0", "201", "many")) {
            Http.Response bad = http.get("/v1/me/activity?limit=" + limit, "Authorization", ana.authorization());
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
            assertThat(bad.json().path("type").asString()).endsWith("/invalid-parameter");
        }
        assertThat(http.get("/v1/me/activity?limit=200", "Authorization", ana.authorization()).json().path("activity").size()).isZero();
        assertThat(http.get("/v1/me/activity").status()).isEqualTo(401);
    }

    @Test
    void theFeedIsDescribedInTheOpenApiDocument() {
        JsonNode activity = http.get("/v1/openapi").json().path("paths").path("/v1/me/activity").path("get");
        assertThat(activity.path("summary").asString()).isEqualTo("What the user did lately, newest first");
        assertThat(activity.path("tags").toString()).contains("Study data");
        assertThat(activity.path("parameters").findValuesAsString("name")).containsExactly("limit");
    }

    @Test
    void deletingTheAccountDeletesItsActivity() {
        User ana = signUp();
        keep(ana, "bookmarks", "{\"ref\":\"Rev 22:21\"}");
        await(() -> entries(ana.id()) == 1, "the bookmark reaches the feed");
        assertThat(http.send("DELETE", "/v1/me", "", "Authorization", ana.authorization()).status()).isEqualTo(204);
        await(() -> entries(ana.id()) == 0, "the account's activity is deleted");
    }

    /** Publications of a study event about {@code subject} to the activity feed (only completed ones, or all). */
    private long publications(String subject, boolean completedOnly) {
        Long n = jdbc.queryForObject("select count(*) from event_publication where listener_id like ? and serialized_event like ?"
                + (completedOnly ? " and completion_date is not null" : ""), Long.class, LISTENER, "%" + subject + "%");
        return n == null ? 0 : n;
    }

    private long entries(UUID user) {
        Long n = jdbc.queryForObject("select count(*) from study_activity where user_id = ?", Long.class, user);
        return n == null ? 0 : n;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
