package org.gospelib.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GraphApiTests extends RunningApplication {

    @Test
    void exploresAVersesNeighboursOfEveryKind() {
        JsonNode body = http.get("/v1/graph/neighbours?node=verse:John.3.16&nodes=100&fan-out=50").json();
        assertThat(body.path("node").asString()).isEqualTo("verse:John.3.16");
        List<String> kinds = body.path("nodes").findValuesAsString("kind");
        assertThat(kinds).contains("verse", "topic", "lemma", "commentary");
        assertThat(body.path("nodes").get(0).path("label").asString()).isEqualTo("John 3:16");
        // every edge touches the start and is shown in its canonical direction
        for (JsonNode edge : body.path("edges")) {
            assertThat(List.of(edge.path("from").asString(), edge.path("to").asString())).contains("verse:John.3.16");
            switch (edge.path("kind").asString()) {
                case "lists" -> assertThat(edge.path("from").asString()).startsWith("topic:");
                case "covers", "cites" -> assertThat(edge.path("from").asString()).startsWith("commentary:");
                case "occurs-in" -> assertThat(edge.path("from").asString()).startsWith("lemma:");
                default -> { }
            }
        }
        assertThat(body.path("nodes").toString()).contains("lemma:G25", "commentary:MHCC:", "Scofield on John 3:16");
    }

    @Test
    void keepsExplorationWithinItsBounds() {
        JsonNode body = http.get("/v1/graph/neighbours?node=topic:love&depth=3&nodes=40&fan-out=5").json();
        assertThat(body.path("nodes").size()).isEqualTo(40);
        assertThat(body.path("truncated").asBoolean()).isTrue();
        Set<String> reached = new HashSet<>(body.path("nodes").findValuesAsString("id"));
        for (JsonNode node : body.path("nodes")) assertThat(node.path("depth").asInt()).isBetween(0, 3);
        for (JsonNode edge : body.path("edges")) assertThat(reached).contains(edge.path("from").asString(), edge.path("to").asString());

        JsonNode listsOnly = http.get("/v1/graph/neighbours?node=topic:LOVE&kinds=lists&fan-out=7").json();
        assertThat(listsOnly.path("nodes").size()).isEqualTo(8);
        assertThat(listsOnly.path("edges").findValuesAsString("kind")).containsOnly("lists");

        JsonNode related = http.get("/v1/graph/neighbours?node=verse:Ps.23.1&kinds=related&depth=2&fan-out=3").json();
        assertThat(related.path("nodes").size()).isBetween(4, 13);
        assertThat(related.path("edges").findValuesAsString("kind")).containsOnly("related");
    }

    @Test
    void findsTheShortestPathBetweenVersesTopicsAndLemmas() {
        JsonNode path = http.get("/v1/graph/path?from=verse:John.3.16&to=verse:Rom.5.8").json();
        assertThat(path.path("found").asBoolean()).isTrue();
        int length = path.path("length").asInt();
        assertThat(length).isBetween(1, 4);
        JsonNode nodes = path.path("nodes");
        assertThat(nodes.size()).isEqualTo(length + 1);
        assertThat(nodes.get(0).path("id").asString()).isEqualTo("verse:John.3.16");
        assertThat(nodes.get(length).path("id").asString()).isEqualTo("verse:Rom.5.8");
        for (int i = 0; i < length; i++) {
            JsonNode edge = path.path("edges").get(i);
            assertThat(Set.of(edge.path("from").asString(), edge.path("to").asString()))
                    .isEqualTo(Set.of(nodes.get(i).path("id").asString(), nodes.get(i + 1).path("id").asString()));
        }

        JsonNode viaWords = http.get("/v1/graph/path?from=" + Http.enc("topic:LOVE") + "&to=lemma:G0026&kinds=lists,occurs-in").json();
        assertThat(viaWords.path("length").asInt()).isEqualTo(2);
        assertThat(viaWords.path("nodes").get(2).path("id").asString()).isEqualTo("lemma:G26");

        JsonNode tooFar = http.get("/v1/graph/path?from=verse:Gen.1.1&to=verse:Rev.22.21&max-length=1").json();
        assertThat(tooFar.path("found").asBoolean()).isFalse();
        assertThat(tooFar.path("nodes").size()).isZero();
    }

    @Test
    void relatesVersesThroughTranslatorsCrossReferencesBothWays() {
        JsonNode related = http.get("/v1/verses/2Kgs.12.4/related").json().path("related");
        JsonNode exodus = find(related, "Exod.30.12");
        assertThat(exodus.path("evidence").toString()).contains("\"kind\":\"cross-reference\"", "\"source\":\"WEB\"");
        assertThat(find(http.get("/v1/verses/Exod.30.12/related?limit=50").json().path("related"), "2Kgs.12.4")).isNotNull();
        JsonNode psalm = http.get("/v1/verses/Ps.23.1/related").json().path("related");
        assertThat(psalm.findValuesAsString("node")).anyMatch(n -> n.startsWith("topic:"))
                .anyMatch(n -> n.startsWith("commentary:TDavid:"));
    }

    @Test
    void answersAgainFromTheCacheAndWithNotModified() {
        String uri = "/v1/graph/neighbours?node=verse:Gen.1.1&depth=2&nodes=60";
        Http.Response first = http.get(uri);
        Http.Response second = http.get(uri);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.header("ETag")).isNotBlank();
        assertThat(http.get(uri, "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
        // the same query spelled another way is another URL: explored again, the same answer
        Http.Response respelled = http.get("/v1/graph/neighbours?nodes=60&depth=2&node=verse:Gen.1.1");
        assertThat(respelled.body()).isEqualTo(first.body());
        assertThat(respelled.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void reportsBadNodesKindsAndBoundsAsProblems() {
        assertProblem("/v1/graph/neighbours?node=John.3.16", 400, "invalid-node");
        assertProblem("/v1/graph/neighbours?node=topic:NO-SUCH-TOPIC", 404, "node-not-found");
        assertProblem("/v1/graph/neighbours?node=lemma:G999999", 404, "node-not-found");
        assertProblem("/v1/graph/neighbours?node=commentary:MHCC:999999", 404, "node-not-found");
        assertProblem("/v1/graph/neighbours?node=verse:John.3.99", 404, "verse-out-of-range");
        assertProblem("/v1/graph/neighbours?node=verse:Hezekiah.1.1", 400, "bad-reference");
        assertProblem("/v1/graph/neighbours", 400, "missing-parameter");
        assertProblem("/v1/graph/neighbours?node=verse:Gen.1.1&depth=4", 400, "invalid-parameter");
        assertProblem("/v1/graph/neighbours?node=verse:Gen.1.1&nodes=501", 400, "invalid-parameter");
        assertProblem("/v1/graph/neighbours?node=verse:Gen.1.1&fan-out=0", 400, "invalid-parameter");
        assertProblem("/v1/graph/neighbours?node=verse:Gen.1.1&kinds=lists,friends", 400, "invalid-parameter");
        assertProblem("/v1/graph/neighbours?node=verse:Gen.1.1&depth=x", 400, null);
        assertProblem("/v1/graph/path?from=verse:Gen.1.1", 400, "missing-parameter");
        assertProblem("/v1/graph/path?from=verse:Gen.1.1&to=verse:Gen.1.2&kinds=related", 400, "invalid-parameter");
        assertProblem("/v1/graph/path?from=verse:Gen.1.1&to=verse:Gen.1.2&max-length=9", 400, "invalid-parameter");
        assertProblem("/v1/verses/John.3.16/related?limit=51", 400, "invalid-parameter");
    }

    private void assertProblem(String uri, int status, String type) {
        Http.Response response = http.get(uri);
        assertThat(response.status()).as(uri).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(uri).startsWith("application/problem+json");
        if (type != null) assertThat(response.json().path("type").asString()).as(uri).endsWith("/" + type);
    }

    private static JsonNode find(JsonNode related, String osis) {
        for (JsonNode r : related) if (r.path("osis").asString().equals(osis)) return r;
        throw new AssertionError(osis + " not among " + related.findValuesAsString("osis"));
    }
}
