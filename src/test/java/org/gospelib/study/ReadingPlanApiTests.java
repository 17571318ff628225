package org.gospelib.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReadingPlanApiTests extends RunningApplication {

    static final String PASSWORD = "correct horse battery staple";

    String signUp() {
        String email = "planner-" + UUID.randomUUID() + "@example.test";
        http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        return "Bearer " + http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .json().path("accessToken").asString();
    }

    @Test
    void builtInPlansCoverTheirBooksInDaysOfSimilarLength() {
        JsonNode list = http.get("/v1/plans").json().path("plans");
        assertThat(list.findValuesAsString("id")).containsExactly("bible-in-a-year", "new-testament-90-days", "psalms-and-proverbs-month");
        JsonNode year = http.get("/v1/plans/bible-in-a-year").json().path("days");
        assertThat(year.size()).isEqualTo(365);
        assertThat(year.get(0).path("readings").get(0).asString()).startsWith("Gen.1");
        assertThat(year.get(364).path("readings").toString()).contains("Rev.22");
        JsonNode month = http.get("/v1/plans/psalms-and-proverbs-month").json().path("days");
        assertThat(month.size()).isEqualTo(31);
        // Psalm 119 is long enough to be a day's reading on its own, while short psalms share a day
        List<String> psalm119Day = new ArrayList<>();
        for (JsonNode day : month) if (day.path("readings").toString().contains("Ps.119")) psalm119Day.add(day.path("readings").toString());
        assertThat(psalm119Day).hasSize(1);
        assertThat(http.get("/v1/plans/no-such-plan").status()).isEqualTo(404);
    }

    @Test
    void enrolTickTodayAndCatchUp() {
        String auth = signUp();
        String yesterday = LocalDate.now(ZoneId.of("Pacific/Auckland")).minusDays(2).toString();
        Http.Response enrolled = http.postJson("/v1/me/plans",
                "{\"plan\":\"new-testament-90-days\",\"startDate\":\"" + yesterday + "\",\"timeZone\":\"Pacific/Auckland\"}",
                "Authorization", auth);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        String id = enrolled.json().path("id").asString();
        assertThat(enrolled.json().path("progress").path("today").asInt()).isEqualTo(3);
        assertThat(enrolled.json().path("progress").path("behind").asInt()).isEqualTo(2);

        JsonNode after = http.send("PUT", "/v1/me/plans/" + id + "/days/1", "", "Authorization", auth).json();
        assertThat(after.path("progress").path("completed").asInt()).isEqualTo(1);
        assertThat(http.send("PUT", "/v1/me/plans/" + id + "/days/1", "", "Authorization", auth).json()
                .path("progress").path("completed").asInt()).isEqualTo(1);
        JsonNode caughtUp = http.postJson("/v1/me/plans/" + id + "/catch-up", "", "Authorization", auth).json();
        assertThat(caughtUp.path("progress").path("today").asInt()).isEqualTo(2);
        assertThat(caughtUp.path("progress").path("behind").asInt()).isZero();

        JsonNode custom = http.postJson("/v1/me/plans", "{\"name\":\"Lent\",\"readings\":[\"Matt 5-7\",\"Luke 15; Ps 51\"]}",
                "Authorization", auth).json();
        assertThat(custom.path("days").get(1).path("readings").toString()).contains("Luke.15", "Ps.51");
        JsonNode mine = http.get("/v1/me/plans", "Authorization", auth).json().path("plans");
        assertThat(mine.findValuesAsString("name")).containsExactly("The New Testament in 90 days", "Lent");

        String other = signUp();
        assertThat(http.get("/v1/me/plans/" + id, "Authorization", other).status()).isEqualTo(404);
        assertThat(http.send("PUT", "/v1/me/plans/" + id + "/days/2", "", "Authorization", other).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/me/plans/" + id + "/days/1", "", "Authorization", other).status()).isEqualTo(404);
        assertThat(http.postJson("/v1/me/plans/" + id + "/catch-up", "", "Authorization", other).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/me/plans/" + id, "", "Authorization", other).status()).isEqualTo(404);
        assertThat(http.get("/v1/me/plans", "Authorization", other).json().path("plans").size()).isZero();
        assertThat(http.get("/v1/me/plans/" + id, "Authorization", auth).json().path("progress").path("completed").asInt()).isEqualTo(1);
        JsonNode unread = http.send("DELETE", "/v1/me/plans/" + id + "/days/1", "", "Authorization", auth).json();
        assertThat(unread.path("progress").path("completed").asInt()).isZero();
        assertThat(http.send("PUT", "/v1/me/plans/" + id + "/days/91", "", "Authorization", auth).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/me/plans/" + id, "", "Authorization", auth).status()).isEqualTo(204);
    }

    @Test
    void enrolmentsSyncWithTheItemsUnderOneCursor() {
        String auth = signUp();
        String note = http.postJson("/v1/me/notes", "{\"ref\":\"Ps 1:1\",\"body\":\"blessed\"}", "Authorization", auth)
                .json().path("id").asString();
        Http.Response enrolled = http.postJson("/v1/me/plans", "{\"name\":\"Lent\",\"readings\":[\"Matt 5-7\",\"Luke 15\"],"
                + "\"startDate\":\"2099-02-10\",\"timeZone\":\"Europe/Madrid\"}", "Authorization", auth);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        String plan = enrolled.json().path("id").asString();

        // enrolled: the plan follows the note, in the order of their changes
        JsonNode first = sync(auth, "0");
        assertThat(first.path("changes").findValuesAsString("id")).containsExactly(note, plan);
        JsonNode synced = first.path("changes").get(1);
        assertThat(synced.path("kind").asString()).isEqualTo("plan");
        assertThat(synced.path("deleted").asBoolean()).isFalse();
        assertThat(synced.path("plan").asString()).isEqualTo("custom");
        assertThat(synced.path("name").asString()).isEqualTo("Lent");
        assertThat(synced.path("startDate").asString()).isEqualTo("2099-02-10");
        assertThat(synced.path("timeZone").asString()).isEqualTo("Europe/Madrid");
        assertThat(synced.path("totalDays").asInt()).isEqualTo(2);
        assertThat(synced.path("days").get(1).path("readings").toString()).contains("Luke.15");
        assertThat(synced.path("days").get(0).path("read").asBoolean()).isFalse();
        assertThat(synced.path("version").asInt()).isEqualTo(1);
        // one page at a time, across items and plans
        JsonNode page = sync(auth, "0&limit=1");
        assertThat(page.path("changes").findValuesAsString("id")).containsExactly(note);
        assertThat(page.path("more").asBoolean()).isTrue();
        assertThat(sync(auth, page.path("cursor").asString() + "&limit=1").path("changes").findValuesAsString("id")).containsExactly(plan);

        // a day read: the plan again, with a later change
        String cursor = first.path("cursor").asString();
        assertThat(http.send("PUT", "/v1/me/plans/" + plan + "/days/1", "", "Authorization", auth).status()).isEqualTo(200);
        JsonNode read = sync(auth, cursor);
        assertThat(read.path("changes").findValuesAsString("id")).containsExactly(plan);
        assertThat(read.path("changes").get(0).path("days").get(0).path("read").asBoolean()).isTrue();
        assertThat(read.path("changes").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(Long.parseLong(read.path("cursor").asString())).isGreaterThan(Long.parseLong(cursor));
        cursor = read.path("cursor").asString();
        // read again: nothing changed, nothing to sync
        assertThat(http.send("PUT", "/v1/me/plans/" + plan + "/days/1", "", "Authorization", auth).status()).isEqualTo(200);
        assertThat(sync(auth, cursor).path("changes").size()).isZero();
        // unread, then caught up (the start moves from 2099 to today): each a change
        assertThat(http.send("DELETE", "/v1/me/plans/" + plan + "/days/1", "", "Authorization", auth).status()).isEqualTo(200);
        JsonNode unread = sync(auth, cursor);
        assertThat(unread.path("changes").get(0).path("days").get(0).path("read").asBoolean()).isFalse();
        cursor = unread.path("cursor").asString();
        assertThat(http.postJson("/v1/me/plans/" + plan + "/catch-up", "", "Authorization", auth).status()).isEqualTo(200);
        JsonNode caughtUp = sync(auth, cursor);
        assertThat(caughtUp.path("changes").findValuesAsString("id")).containsExactly(plan);
        assertThat(caughtUp.path("changes").get(0).path("startDate").asString()).isNotEqualTo("2099-02-10");
        assertThat(caughtUp.path("changes").get(0).path("version").asInt()).isEqualTo(4);
        cursor = caughtUp.path("cursor").asString();

        // another user's sync never shows it, nor can they leave it
        String other = signUp();
        assertThat(http.send("DELETE", "/v1/me/plans/" + plan, "", "Authorization", other).status()).isEqualTo(404);
        assertThat(sync(other, "0").path("changes").size()).isZero();

        // left: a tombstone, and the plan is gone from the user's plans
        assertThat(http.send("DELETE", "/v1/me/plans/" + plan, "", "Authorization", auth).status()).isEqualTo(204);
        JsonNode left = sync(auth, cursor);
        assertThat(left.path("changes").findValuesAsString("id")).containsExactly(plan);
        JsonNode tombstone = left.path("changes").get(0);
        assertThat(tombstone.path("kind").asString()).isEqualTo("plan");
        assertThat(tombstone.path("deleted").asBoolean()).isTrue();
        assertThat(tombstone.path("version").asInt()).isEqualTo(5);
        assertThat(tombstone.has("days")).isFalse();
        assertThat(sync(auth, "0").path("changes").findValuesAsString("id")).containsExactly(note, plan);
        assertThat(http.get("/v1/me/plans", "Authorization", auth).json().path("plans").size()).isZero();
        assertThat(http.get("/v1/me/plans/" + plan, "Authorization", auth).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/me/plans/" + plan, "", "Authorization", auth).status()).isEqualTo(404);
        assertThat(sync(auth, left.path("cursor").asString()).path("changes").size()).isZero();
    }

    private JsonNode sync(String auth, String since) {
        Http.Response sync = http.get("/v1/me/sync?since=" + since, "Authorization", auth);
        assertThat(sync.status()).as(sync.body()).isEqualTo(200);
        return sync.json();
    }

    @Test
    void refusesBadPlans() {
        String auth = signUp();
        assertProblem(http.postJson("/v1/me/plans", "{\"plan\":\"nope\"}", "Authorization", auth), 422, "invalid-plan");
        assertProblem(http.postJson("/v1/me/plans", "{\"plan\":\"bible-in-a-year\",\"timeZone\":\"Mars/Olympus\"}", "Authorization", auth),
                422, "invalid-plan");
        assertProblem(http.postJson("/v1/me/plans", "{\"plan\":\"bible-in-a-year\",\"startDate\":\"tomorrow\"}", "Authorization", auth),
                422, "invalid-plan");
        assertProblem(http.postJson("/v1/me/plans", "{\"name\":\"x\",\"readings\":[\"Hezekiah 4\"]}", "Authorization", auth), 422, "invalid-plan");
        assertProblem(http.postJson("/v1/me/plans", "{\"name\":\"x\",\"readings\":[]}", "Authorization", auth), 422, "invalid-plan");
        assertProblem(http.postJson("/v1/me/plans", "{oops", "Authorization", auth), 400, "malformed-json");
        assertThat(http.postJson("/v1/me/plans", "{\"plan\":\"bible-in-a-year\"}").status()).isEqualTo(401);
    }

    private static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("type").asString()).endsWith("/" + type);
    }
}
