package org.gospelib.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Highlights, notes, bookmarks and sync through the API, each test with users of its own. */
class StudyDataApiTests extends RunningApplication {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    JdbcTemplate jdbc;

    /** A signed-in user: the Authorization header to send. */
    record User(String id, String authorization) {
    }

    User signUp() {
        String email = "student-" + UUID.randomUUID() + "@example.test";
        Http.Response up = http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Http.Response token = http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        return new User(up.json().path("id").asString(), "Bearer " + token.json().path("accessToken").asString());
    }

    Http.Response post(User user, String collection, String json, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", user.authorization()));
        all.addAll(List.of(headers));
        return http.postJson("/v1/me/" + collection, json, all.toArray(String[]::new));
    }

    Http.Response get(User user, String path) {
        return http.get(path, "Authorization", user.authorization());
    }

    @Test
    void keepsAndListsEverythingOnAPassage() {
        User ana = signUp();
        Http.Response highlight = post(ana, "highlights", "{\"ref\":\"Jn 3:16\",\"colour\":\"Green\",\"startOffset\":4,\"endOffset\":20}");
        assertThat(highlight.status()).as(highlight.body()).isEqualTo(201);
        assertThat(highlight.header("Location")).startsWith("/v1/me/highlights/");
        assertThat(highlight.header("ETag")).isNotBlank();
        assertThat(highlight.header("Cache-Control")).contains("no-store");
        JsonNode h = highlight.json();
        assertThat(h.path("osis").asString()).isEqualTo("John.3.16");
        assertThat(h.path("colour").asString()).isEqualTo("green");
        assertThat(h.path("version").asInt()).isEqualTo(1);

        assertThat(post(ana, "notes", "{\"ref\":\"John 3:14-17\",\"body\":\"# Lifted up\\nAs the serpent…\",\"tags\":[\"cross\",\"grace\"]}").status()).isEqualTo(201);
        assertThat(post(ana, "notes", "{\"ref\":\"Rom 5:8\",\"body\":\"While we were yet sinners\",\"tags\":[\"grace\"]}").status()).isEqualTo(201);
        assertThat(post(ana, "bookmarks", "{\"ref\":\"John 3\",\"folder\":\"Sermons\"}").status()).isEqualTo(201);

        JsonNode onJohn3 = get(ana, "/v1/me/notes?ref=" + Http.enc("John 3")).json().path("notes");
        assertThat(onJohn3.findValuesAsString("osis")).containsExactly("John.3.14-John.3.17");
        assertThat(get(ana, "/v1/me/notes?tag=grace").json().path("notes").size()).isEqualTo(2);
        assertThat(get(ana, "/v1/me/highlights?ref=" + Http.enc("John 3:16")).json().path("highlights").size()).isEqualTo(1);
        assertThat(get(ana, "/v1/me/bookmarks?ref=" + Http.enc("John 3:30")).json().path("bookmarks").get(0).path("folder").asString())
                .isEqualTo("Sermons");
        assertThat(get(ana, "/v1/me/notes?updated-since=2999-01-01T00:00:00Z").json().path("notes").size()).isZero();
    }

    @Test
    void neverShowsOrChangesAnotherUsersItems() {
        User ana = signUp();
        User ben = signUp();
        String id = post(ana, "notes", "{\"ref\":\"Ps 23:1\",\"body\":\"mine\"}").json().path("id").asString();
        String path = "/v1/me/notes/" + id;
        assertThat(get(ben, path).status()).isEqualTo(404);
        assertThat(http.send("PUT", path, "{\"ref\":\"Ps 23:1\",\"body\":\"ben's now\"}", "Authorization", ben.authorization(),
                "Content-Type", "application/json").status()).isEqualTo(404);
        assertThat(http.send("DELETE", path, "", "Authorization", ben.authorization()).status()).isEqualTo(404);
        assertThat(get(ben, "/v1/me/notes").json().path("notes").size()).isZero();
        assertThat(get(ben, "/v1/me/sync").json().path("changes").size()).isZero();
        assertThat(get(ana, path).json().path("body").asString()).isEqualTo("mine");
        assertThat(http.get(path).status()).isEqualTo(401);
    }

    @Test
    void refusesBadInputWithProblems() {
        User ana = signUp();
        assertProblem(post(ana, "highlights", "{\"ref\":\"John 3:99\"}"), 422, "invalid-item");
        assertProblem(post(ana, "highlights", "{\"ref\":\"Hezekiah 1:1\"}"), 422, "invalid-item");
        assertProblem(post(ana, "highlights", "{\"ref\":\"John 3:16; Rom 5:8\"}"), 422, "invalid-item");
        assertProblem(post(ana, "highlights", "{\"ref\":\"John 3:16\",\"colour\":\"octarine\"}"), 422, "invalid-item");
        assertProblem(post(ana, "highlights", "{\"ref\":\"John 3:16\",\"startOffset\":5}"), 422, "invalid-item");
        assertProblem(post(ana, "notes", "{\"ref\":\"John 3:16\"}"), 422, "invalid-item");
        assertProblem(post(ana, "notes", "{\"ref\":\"John 3:16\",\"body\":\"" + "x".repeat(20_001) + "\"}"), 413, "item-too-large");
        assertProblem(post(ana, "notes", "{\"ref\":\"John 3:16\",\"body\":"), 400, "malformed-json");
        assertProblem(post(ana, "notes", "[1,2]"), 400, "malformed-json");
        assertProblem(post(ana, "highlights", "{\"ref\":\"John 3:16\",\"startOffset\":\"x\",\"endOffset\":3}"), 400, "malformed-json");
        assertProblem(get(ana, "/v1/me/notes?ref=nowhere"), 400, "bad-reference");
        assertProblem(get(ana, "/v1/me/sync?since=abc"), 400, "invalid-parameter");
        assertProblem(get(ana, "/v1/me/notes/not-a-uuid"), 404, "not-found");
        assertThat(get(ana, "/v1/me/notes").json().path("notes").size()).isZero();
    }

    @Test
    void aRetriedCreateWithTheSameKeyKeepsOneItem() {
        User ana = signUp();
        String body = "{\"ref\":\"Gen 1:1\",\"colour\":\"blue\"}";
        Http.Response first = post(ana, "highlights", body, "Idempotency-Key", "tap-42");
        Http.Response retry = post(ana, "highlights", body, "Idempotency-Key", "tap-42");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertProblem(post(ana, "highlights", "{\"ref\":\"Gen 1:2\"}", "Idempotency-Key", "tap-42"), 422, "idempotency-key-reused");
        assertThat(count("select count(*) from study_item where user_id = ?::uuid", ana.id())).isEqualTo(1);
    }

    @Test
    void detectsAChangeMadeMeanwhileOnAnotherDevice() {
        User ana = signUp();
        Http.Response created = post(ana, "notes", "{\"ref\":\"Phil 4:13\",\"body\":\"strength\"}");
        String path = "/v1/me/notes/" + created.json().path("id").asString();
        String etag = created.header("ETag");
        Http.Response phone = http.send("PUT", path, "{\"ref\":\"Phil 4:13\",\"body\":\"from the phone\"}",
                "Authorization", ana.authorization(), "Content-Type", "application/json", "If-Match", etag);
        assertThat(phone.status()).as(phone.body()).isEqualTo(200);
        assertThat(phone.json().path("version").asInt()).isEqualTo(2);
        Http.Response laptop = http.send("PUT", path, "{\"ref\":\"Phil 4:13\",\"body\":\"from the laptop\"}",
                "Authorization", ana.authorization(), "Content-Type", "application/json", "If-Match", etag);
        assertProblem(laptop, 412, "precondition-failed");
        assertThat(get(ana, path).json().path("body").asString()).isEqualTo("from the phone");
        assertThat(http.send("DELETE", path, "", "Authorization", ana.authorization(), "If-Match", etag).status()).isEqualTo(412);
        assertThat(http.send("DELETE", path, "", "Authorization", ana.authorization(), "If-Match", phone.header("ETag")).status()).isEqualTo(204);
        assertThat(get(ana, path).status()).isEqualTo(404);
    }

    @Test
    void syncsChangesAndDeletionsSinceACursor() {
        User ana = signUp();
        JsonNode start = get(ana, "/v1/me/sync").json();
        assertThat(start.path("changes").size()).isZero();
        String a = post(ana, "bookmarks", "{\"ref\":\"Matt 5:3\"}").json().path("id").asString();
        String b = post(ana, "bookmarks", "{\"ref\":\"Matt 5:4\"}").json().path("id").asString();
        JsonNode first = get(ana, "/v1/me/sync?since=0").json();
        assertThat(first.path("changes").findValuesAsString("id")).containsExactly(a, b);
        String cursor = first.path("cursor").asString();

        assertThat(http.send("DELETE", "/v1/me/bookmarks/" + a, "", "Authorization", ana.authorization()).status()).isEqualTo(204);
        String c = post(ana, "highlights", "{\"ref\":\"Matt 5:5\"}").json().path("id").asString();
        JsonNode second = get(ana, "/v1/me/sync?since=" + cursor).json();
        assertThat(second.path("changes").findValuesAsString("id")).containsExactly(a, c);
        assertThat(second.path("changes").get(0).path("deleted").asBoolean()).isTrue();
        assertThat(second.path("changes").get(1).path("deleted").asBoolean()).isFalse();
        JsonNode paged = get(ana, "/v1/me/sync?since=0&limit=1").json();
        assertThat(paged.path("more").asBoolean()).isTrue();
        assertThat(get(ana, "/v1/me/sync?since=" + second.path("cursor").asString()).json().path("changes").size()).isZero();
    }

    @Test
    void deletingTheAccountDeletesEverythingItKept() throws InterruptedException {
        User ana = signUp();
        post(ana, "notes", "{\"ref\":\"Rev 22:21\",\"body\":\"amen\"}");
        assertThat(count("select count(*) from study_item where user_id = ?::uuid", ana.id())).isEqualTo(1);
        assertThat(http.send("DELETE", "/v1/me", "", "Authorization", ana.authorization()).status()).isEqualTo(204);
        long deadline = System.currentTimeMillis() + 10_000;
        while (count("select count(*) from study_user where user_id = ?::uuid", ana.id()) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count("select count(*) from study_item where user_id = ?::uuid", ana.id())).isZero();
    }

    @Test
    void exportsEverythingAsJsonAndMarkdown() {
        User ana = signUp();
        post(ana, "notes", "{\"ref\":\"John 3:16-18\",\"body\":\"For God so loved\",\"tags\":[\"love\"]}");
        post(ana, "highlights", "{\"ref\":\"Ps 23:1\",\"colour\":\"pink\"}");
        post(ana, "bookmarks", "{\"ref\":\"Rom 8\",\"folder\":\"Study group\"}");
        Http.Response json = get(ana, "/v1/me/export");
        assertThat(json.header("Content-Disposition")).contains("gospelib-study.json");
        assertThat(json.json().path("notes").get(0).path("body").asString()).isEqualTo("For God so loved");
        assertThat(json.json().path("highlights").size()).isEqualTo(1);
        assertThat(json.json().path("bookmarks").size()).isEqualTo(1);
        Http.Response md = get(ana, "/v1/me/export?format=markdown");
        assertThat(md.header("Content-Type")).startsWith("text/markdown");
        assertThat(md.body()).contains("### John 3:16-18", "For God so loved", "Tags: love", "- Psalms 23:1 — pink",
                "- Romans 8:1-39 (Study group)");
        assertProblem(get(ana, "/v1/me/export?format=pdf"), 400, "invalid-parameter");
        assertThat(get(signUp(), "/v1/me/export").json().path("notes").size()).isZero();
    }

    private long count(String sql, String user) {
        Long n = jdbc.queryForObject(sql, Long.class, user);
        return n == null ? 0 : n;
    }

    private static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("/" + type);
    }
}
