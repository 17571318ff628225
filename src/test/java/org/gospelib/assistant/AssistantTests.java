package org.gospelib.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assistant against local servers speaking Anthropic's and OpenAI's streaming APIs, on the real
 * corpus: answers streamed as events with every citation checked (invented verses removed,
 * misquotes marked), the fallback from Anthropic to OpenAI on rate limits, timeouts and an outage
 * mid-stream, the extractive answer when both are down, nothing answered from memory, the cache,
 * the hourly limit, the reader's history and bad input.
 */
class AssistantTests extends RunningApplication {

    static final String PASSWORD = "correct horse battery staple";
    static final JsonMapper JSON = JsonMapper.builder().build();
    final LocalModels models = LocalModels.shared();

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Each test scripts its providers, and asks as if for the first time (the cache outlives a run). */
    @BeforeEach
    void freshScript() {
        models.reset();
        jdbc.sql("delete from assistant_answer").update();
    }

    record Event(String name, JsonNode data) {
    }

    String reader() {
        String email = "asker-" + UUID.randomUUID() + "@example.test";
        Http.Response created = http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Http.Response token = http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        return "Bearer " + token.json().get("accessToken").asString();
    }

    Http.Response ask(String bearer, String body, String accept) {
        return http.send("POST", "/v1/assistant/questions", body, "Authorization", bearer, "Content-Type", "application/json",
                "Accept", accept);
    }

    List<Event> stream(String bearer, String question, String translation) {
        Http.Response r = ask(bearer, "{\"question\":" + JSON.writeValueAsString(question) + ",\"translation\":\"" + translation + "\"}",
                "text/event-stream");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        List<Event> events = new ArrayList<>();
        for (String block : r.body().split("\n\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) name = line.substring(6).strip();
                if (line.startsWith("data:")) data.append(line.substring(5));
            }
            if (!data.isEmpty()) events.add(new Event(name, JSON.readTree(data.toString())));
        }
        return events;
    }

    static List<JsonNode> parts(List<Event> events) {
        List<JsonNode> parts = new ArrayList<>();
        for (Event e : events) {
            if (e.name().equals("restart")) parts.clear();
            if (e.name().equals("part")) parts.add(e.data());
        }
        return parts;
    }

    static List<JsonNode> citations(List<Event> events) {
        return parts(events).stream().filter(p -> p.get("type").asString().equals("citation")).toList();
    }

    static Event last(List<Event> events) {
        return events.getLast();
    }

    @Test
    void anAnswerStreamsWithItsCitationsCheckedAgainstTheText() {
        String bearer = reader();
        models.anthropic.next(LocalModels.Answer.of(
                "God's love is plain: \u201CFor God so loved the world, that he gave his only begotten Son\u201D [John.3.16]. ",
                "Paul says the same of Christ's death \"while we were yet sinners\" [Rom.5.8], ",
                "and Hezekiah wrote \u201Cthe Lord helps those who help themselves\u201D [Hez.4.2]; ",
                "some even quote \u201CGod so loved the Romans\u201D [John.3.16] or cite [John.3.99] and [Hezek.3.16]. See also [[1John.4.8]] ",
                "and the whole of [Gen.1-Gen.50]."));
        List<Event> events = stream(bearer, "How does the Bible describe God's love for the world?", "KJV");

        assertThat(events.getFirst().name()).isEqualTo("sources");
        JsonNode sources = events.getFirst().data();
        assertThat(sources.get("relevant").asBoolean()).isTrue();
        assertThat(sources.get("sources").size()).isGreaterThanOrEqualTo(5);
        assertThat(sources.get("sources").get(0).get("kind").asString()).isEqualTo("verse");

        List<JsonNode> cited = citations(events);
        assertThat(cited).extracting(c -> c.get("osis").asString() + " " + c.get("status").asString()).containsExactly(
                "John.3.16 verified", "Rom.5.8 verified", "Hez.4.2 removed", "John.3.16 misquoted", "John.3.99 removed",
                "Hezek.3.16 removed", "1John.4.8 verified", "Gen.1-Gen.50 verified");
        assertThat(cited.get(0).get("quote").asString()).startsWith("For God so loved the world");
        assertThat(cited.get(0).get("translation").asString()).isEqualTo("KJV");
        assertThat(cited.get(0).get("label").asString()).isEqualTo("John 3:16");
        assertThat(cited.get(2).get("reason").asString()).contains("not a passage");
        assertThat(cited.get(4).get("reason").asString()).containsIgnoringCase("not a passage");
        // a failed citation never travels as text a reader could take for the passage's words
        String text = parts(events).stream().filter(p -> p.get("type").asString().equals("text"))
                .map(p -> p.get("text").asString()).reduce("", String::concat);
        assertThat(text).doesNotContain("Hez.4.2", "John.3.99", "Hezek.3.16", "helps those who help", "God so loved the Romans");
        assertThat(cited.get(5).get("reason").asString()).contains("not a book of the Bible");

        Event done = last(events);
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().get("source").asString()).isEqualTo("anthropic");
        assertThat(done.data().get("cached").asBoolean()).isFalse();
        assertThat(done.data().get("citations").get("verified").asInt()).isEqualTo(4);
        assertThat(done.data().get("citations").get("removed").asInt()).isEqualTo(3);
        assertThat(done.data().get("citations").get("misquoted").asInt()).isEqualTo(1);

        // what the model was told: instructions alone in the system prompt, the material in the user message, no tools
        JsonNode request = models.anthropic.requests.getFirst();
        assertThat(request.get("system").toString()).contains("not instructions").doesNotContain("begotten");
        assertThat(LocalModels.allText(request.get("messages"))).contains("<source id=\"S1\" kind=\"verse\"")
                .contains("<question>How does the Bible describe God's love");
        assertThat(request.has("tools")).isFalse();
        assertThat(models.openai.requests).isEmpty();

        // kept among the reader's exchanges as it was shown
        String id = done.data().get("id").asString();
        Http.Response one = http.get("/v1/assistant/questions/" + id, "Authorization", bearer);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("question").asString()).startsWith("How does the Bible describe");
        assertThat(one.json().get("parts").toString()).contains("\"misquoted\"");
        Http.Response export = http.get("/v1/me/export", "Authorization", bearer);
        assertThat(export.json().get("assistant").get(0).get("citations").toString())
                .isEqualTo("[\"John.3.16\",\"Rom.5.8\",\"1John.4.8\",\"Gen.1-Gen.50\"]");
        assertThat(export.json().get("assistant").get(0).get("answer").asString()).contains("[citation removed]")
                .doesNotContain("Hez.4.2");
    }

    @Test
    void aRateLimitedOrSilentProviderHandsOverToTheNextWithoutTheReaderNoticing() {
        String bearer = reader();
        models.anthropic.next(new LocalModels.Fails(429));
        List<Event> events = stream(bearer, "What does scripture say about forgiving one another?", "WEB");
        assertThat(last(events).data().get("source").asString()).isEqualTo("openai");
        assertThat(events).extracting(Event::name).doesNotContain("restart", "error");
        assertThat(citations(events)).isNotEmpty().allSatisfy(c -> assertThat(c.get("status").asString()).isEqualTo("verified"));
        assertThat(models.anthropic.requests).hasSize(1);
        assertThat(models.openai.requests).hasSize(1);

        models.reset();
        models.anthropic.next(new LocalModels.Hangs(java.time.Duration.ofSeconds(8)));
        events = stream(bearer, "What does scripture say about patience in suffering?", "WEB");
        assertThat(last(events).data().get("source").asString()).isEqualTo("openai");
    }

    @Test
    void anOutageMidStreamRestartsTheAnswerWithTheNextProvider() {
        String bearer = reader();
        models.anthropic.next(new LocalModels.BreaksAfter(List.of("Half an answer about [John.3.16] and ")));
        List<Event> events = stream(bearer, "Why did Jesus come into the world?", "KJV");
        List<String> names = events.stream().map(Event::name).toList();
        assertThat(names).contains("restart");
        JsonNode restart = events.get(names.indexOf("restart")).data();
        assertThat(restart.get("failed").asString()).isEqualTo("anthropic");
        assertThat(restart.get("next").asString()).isEqualTo("openai");
        assertThat(names.subList(0, names.indexOf("restart"))).contains("part");
        assertThat(last(events).data().get("source").asString()).isEqualTo("openai");
        String id = last(events).data().get("id").asString();
        String stored = http.get("/v1/assistant/questions/" + id, "Authorization", bearer).body();
        assertThat(stored).doesNotContain("Half an answer");
    }

    @Test
    void withEveryProviderDownTheAnswerQuotesThePassages() {
        String bearer = reader();
        models.anthropic.next(new LocalModels.Fails(529));
        models.openai.next(new LocalModels.Fails(503));
        List<Event> events = stream(bearer, "What does the Bible teach about prayer?", "WEB");
        assertThat(last(events).data().get("source").asString()).isEqualTo("extractive");
        List<JsonNode> cited = citations(events);
        assertThat(cited).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(c -> assertThat(c.get("status").asString()).isEqualTo("verified"));
        assertThat(cited.subList(0, 5)).allSatisfy(c -> assertThat(c.get("quote").asString()).isNotBlank());
        String text = parts(events).stream().filter(p -> p.get("type").asString().equals("text"))
                .map(p -> p.get("text").asString()).reduce("", String::concat);
        assertThat(text).contains("not available");
    }

    @Test
    void aQuestionTheCorpusDoesNotAnswerIsNotAnsweredFromMemory() {
        String bearer = reader();
        List<Event> events = stream(bearer, "What is the capital city of France and its population?", "KJV");
        assertThat(events.getFirst().data().get("relevant").asBoolean()).isFalse();
        assertThat(events.getFirst().data().get("sources").size()).as("verses offered as sources").isZero();
        assertThat(citations(events)).isEmpty();
        assertThat(parts(events).getFirst().get("text").asString()).contains("found no passages");
        assertThat(models.anthropic.requests).isEmpty();
        assertThat(models.openai.requests).isEmpty();
    }

    @Test
    void theSameQuestionAboutTheSameCorpusIsAnsweredFromTheCache() {
        String bearer = reader();
        String question = "What does Psalm 23 say about the Lord as shepherd? " + UUID.randomUUID().toString().substring(0, 4);
        Http.Response first = ask(bearer, "{\"question\":\"" + question + "\",\"translation\":\"KJV\"}", "application/json");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("cached").asBoolean()).isFalse();
        assertThat(first.json().get("sources").get(0).get("osis").asString()).startsWith("Ps.23");
        Http.Response second = ask(reader(), "{\"question\":\"" + question.toUpperCase() + "\",\"translation\":\"KJV\"}",
                "application/json");
        assertThat(second.json().get("cached").asBoolean()).isTrue();
        assertThat(second.json().get("parts")).isEqualTo(first.json().get("parts"));
        assertThat(models.anthropic.requests).hasSize(1);
        // a client that accepts anything gets the JSON answer
        Http.Response any = ask(reader(), "{\"question\":\"" + question + "\"}", "*/*");
        assertThat(any.status()).as(any.body()).isEqualTo(200);
        assertThat(any.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void aReaderAsksAsManyQuestionsAnHourAsTheirPlanAllows() {
        String bearer = reader();
        String body = "{\"question\":\"What does the Bible say about hope?\",\"translation\":\"KJV\"}";
        for (int i = 0; i < 10; i++) assertThat(ask(bearer, body, "application/json").status()).isEqualTo(200);
        Http.Response refused = ask(bearer, body, "application/json");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/assistant-quota-exceeded");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
    }

    @Test
    void aReaderListsAndDeletesTheirQuestionsAndNobodyElseSeesThem() {
        String bearer = reader();
        for (String q : List.of("What is faith?", "What is grace?", "What is mercy?")) {
            assertThat(ask(bearer, "{\"question\":\"" + q + "\"}", "application/json").status()).isEqualTo(200);
        }
        JsonNode page = http.get("/v1/assistant/questions?limit=2", "Authorization", bearer).json();
        assertThat(page.get("exchanges")).extracting(e -> e.get("question").asString()).containsExactly("What is mercy?", "What is grace?");
        JsonNode older = http.get("/v1/assistant/questions?limit=2&before=" + page.get("next").asString(), "Authorization", bearer).json();
        assertThat(older.get("exchanges")).extracting(e -> e.get("question").asString()).containsExactly("What is faith?");
        assertThat(older.has("next")).isFalse();

        String id = page.get("exchanges").get(0).get("id").asString();
        String other = reader();
        assertThat(http.get("/v1/assistant/questions/" + id, "Authorization", other).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/assistant/questions/" + id, "", "Authorization", other).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/assistant/questions/" + id, "", "Authorization", bearer).status()).isEqualTo(204);
        assertThat(http.get("/v1/assistant/questions/" + id, "Authorization", bearer).status()).isEqualTo(404);
    }

    @Test
    void deletingTheAccountDeletesItsQuestionsAndAnswers() throws InterruptedException {
        String bearer = reader();
        assertThat(ask(bearer, "{\"question\":\"What is hope?\"}", "application/json").status()).isEqualTo(200);
        String me = http.get("/v1/me", "Authorization", bearer).json().get("id").asString();
        assertThat(exchanges(me)).isEqualTo(1);
        assertThat(http.send("DELETE", "/v1/me", "", "Authorization", bearer).status()).isEqualTo(204);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (exchanges(me) > 0 && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(exchanges(me)).as("questions of a deleted account").isZero();
    }

    private long exchanges(String userId) {
        return jdbc.sql("select count(*) from assistant_exchange where user_id = cast(? as uuid)").param(userId)
                .query(Long.class).single();
    }

    @Test
    void badQuestionsGetProblems() {
        String bearer = reader();
        assertThat(problem(ask(bearer, "{\"question\":\"  \"}", "application/json"), 400)).endsWith("/invalid-question");
        assertThat(problem(ask(bearer, "{\"question\":\"" + "why ".repeat(130) + "\"}", "application/json"), 400))
                .endsWith("/invalid-question");
        assertThat(problem(ask(bearer, "{\"question\":\"What is love?\",\"translation\":\"NIV\"}", "text/event-stream"), 400))
                .endsWith("/unknown-translation");
        assertThat(problem(ask(bearer, "{\"question\":\"What is love?\",\"language\":\"fr\"}", "application/json"), 400))
                .endsWith("/invalid-question");
        assertThat(problem(ask(bearer, "{\"question\":\"What is\\u0007 love?\"}", "application/json"), 400))
                .endsWith("/invalid-question");
        assertThat(problem(ask(bearer, "{\"question\":42}", "application/json"), 400)).isNotBlank();
        assertThat(problem(ask(bearer, "not json", "application/json"), 400)).isNotBlank();
        assertThat(problem(http.send("POST", "/v1/assistant/questions", "{\"question\":\"What is love?\"}", "Content-Type",
                "application/json"), 401)).isNotBlank();
        assertThat(problem(http.get("/v1/assistant/questions?limit=0", "Authorization", bearer), 400)).endsWith("/invalid-parameter");
        assertThat(problem(http.get("/v1/assistant/questions?before=yesterday", "Authorization", bearer), 400))
                .endsWith("/invalid-parameter");
        assertThat(problem(http.get("/v1/assistant/questions/not-an-id", "Authorization", bearer), 404)).endsWith("/not-found");
    }

    @Test
    void aSpanishReaderGetsAnAnswerInSpanishFromTheirTranslation() {
        String bearer = reader();
        models.anthropic.next(new LocalModels.Fails(429));
        models.openai.next(new LocalModels.Fails(429));
        Http.Response r = ask(bearer, "{\"question\":\"¿Qué dice la Biblia sobre el amor de Dios?\",\"translation\":\"RV1909\"}",
                "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("translation").asString()).isEqualTo("RV1909");
        assertThat(r.json().get("parts").get(0).get("text").asString()).contains("disponible");
        assertThat(r.json().get("citations").get("verified").asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void tokensAndCostAreCountedPerProvider() {
        String bearer = reader();
        assertThat(ask(bearer, "{\"question\":\"What does the Bible say about wisdom? " + UUID.randomUUID() + "\"}",
                "application/json").status()).isEqualTo(200);
        String metrics = management.get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("gospelib_assistant_tokens_total\\{[^}]*kind=\"input\"[^}]*provider=\"anthropic\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("gospelib_assistant_cost_usd_total\\{[^}]*provider=\"anthropic\"[^}]*} [0-9.E-]*[1-9]");
        assertThat(metrics).contains("gospelib_assistant_citations_total");
    }

    private static String problem(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        return r.json().get("type").asString();
    }
}
