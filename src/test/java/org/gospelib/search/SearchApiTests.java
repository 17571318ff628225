package org.gospelib.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gospelib.support.Http.enc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gospelib.support.RunningApplication;
import org.gospelib.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SearchApiTests extends RunningApplication {

    @BeforeEach
    void awaitLexicalIndexes() {
        for (String t : List.of("KJV", "WEB", "RV1909")) awaitSearch(http, "/v1/search?q=God&translation=" + t, Duration.ofMinutes(2));
    }

    static void awaitSearch(Http http, String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (http.get(url).status() == 200) return;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("search not ready after " + timeout + ": " + http.get(url).body());
    }

    JsonNode search(String query) {
        Http.Response response = http.get("/v1/search?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> osis(JsonNode result) {
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : result.path("hits")) ids.add(hit.path("osis").asString());
        return ids;
    }

    @Test
    void findsEveryWordOfAQuery() {
        JsonNode result = search("q=" + enc("loved world") + "&limit=100");
        assertThat(result.path("total").asLong()).isBetween(1L, 200L);
        assertThat(osis(result)).contains("John.3.16");
        for (JsonNode hit : result.path("hits")) {
            String text = hit.path("text").asString().toLowerCase();
            assertThat(text).contains("love").contains("world");
        }
    }

    @Test
    void findsAPhraseOnlyInOrder() {
        JsonNode phrase = search("q=" + enc("\"so loved the world\""));
        assertThat(osis(phrase)).containsExactly("John.3.16");
        JsonNode words = search("q=" + enc("so loved the world"));
        assertThat(words.path("total").asLong()).isGreaterThan(phrase.path("total").asLong());
    }

    @Test
    void combinesWithAndOrNot() {
        long faith = search("q=faith").path("total").asLong();
        long hope = search("q=hope").path("total").asLong();
        long both = search("q=" + enc("faith AND hope")).path("total").asLong();
        long either = search("q=" + enc("faith OR hope")).path("total").asLong();
        long faithNotHope = search("q=" + enc("faith NOT hope")).path("total").asLong();
        long minus = search("q=" + enc("faith -hope")).path("total").asLong();
        assertThat(both).isPositive().isLessThan(Math.min(faith, hope));
        assertThat(either).isEqualTo(faith + hope - both);
        assertThat(faithNotHope).isEqualTo(faith - both).isEqualTo(minus);
        assertThat(search("q=" + enc("+faith +hope")).path("total").asLong()).isEqualTo(both);
    }

    @Test
    void expandsAPrefix() {
        JsonNode result = search("q=" + enc("lov*") + "&limit=100");
        assertThat(result.path("total").asLong()).isGreaterThan(search("q=love").path("total").asLong());
        Set<String> words = new HashSet<>();
        for (JsonNode hit : result.path("hits")) {
            String highlight = hit.path("highlight").asString();
            assertThat(highlight).contains("<mark>");
            int at = highlight.indexOf("<mark>");
            words.add(highlight.substring(at + 6, highlight.indexOf("</mark>", at)).toLowerCase());
        }
        assertThat(words).allMatch(w -> w.startsWith("lov"));
        assertThat(words.size()).isGreaterThan(1);
    }

    @Test
    void toleratesATypo() {
        JsonNode result = search("q=beleive");
        assertThat(result.path("total").asLong()).isGreaterThan(100);
        assertThat(result.path("typoTolerant").asBoolean()).isTrue();
        assertThat(result.path("hits").get(0).path("text").asString().toLowerCase()).contains("believ");
        JsonNode explicit = search("q=" + enc("beleive~"));
        assertThat(explicit.path("total").asLong()).isGreaterThan(100);
    }

    @Test
    void foldsSpanishAccents() {
        JsonNode result = search("q=jesus&translation=RV1909");
        assertThat(result.path("translation").asString()).isEqualTo("RV1909");
        assertThat(result.path("total").asLong()).isGreaterThan(500);
        assertThat(result.path("hits").get(0).path("text").asString()).contains("Jesús");
        assertThat(result.path("hits").get(0).path("highlight").asString()).contains("<mark>Jesús</mark>");
    }

    @Test
    void filtersByTestamentBookAndRange() {
        long all = search("q=faith").path("total").asLong();
        JsonNode ot = search("q=faith&testament=ot&limit=100");
        JsonNode nt = search("q=faith&testament=NT&limit=100");
        assertThat(ot.path("total").asLong() + nt.path("total").asLong()).isEqualTo(all);
        assertThat(ot.path("total").asLong()).isLessThan(nt.path("total").asLong());
        for (JsonNode b : ot.path("facets").path("books")) {
            assertThat(org.gospelib.scripture.Versification.kjv().book(b.path("book").asString()).orElseThrow().testament())
                    .isEqualTo(org.gospelib.scripture.Testament.OT);
        }
        assertThat(osis(nt)).noneMatch(o -> o.startsWith("Deut.") || o.startsWith("Hab."));
        JsonNode romans = search("q=faith&book=" + enc("Romanos") + "&limit=100");
        assertThat(osis(romans)).isNotEmpty().allMatch(o -> o.startsWith("Rom."));
        JsonNode john = search("q=faith&book=" + enc("Jn"));
        assertThat(osis(john)).allMatch(o -> o.startsWith("John."));
        JsonNode range = search("q=faith&range=" + enc("Rom 5-8") + "&limit=100");
        assertThat(osis(range)).isNotEmpty().allMatch(o -> o.matches("Rom\\.[5-8]\\.\\d+"));
        assertThat(range.path("total").asLong()).isLessThan(romans.path("total").asLong());
    }

    @Test
    void sortsInCanonicalOrder() {
        JsonNode result = search("q=faith&sort=canonical&limit=50");
        assertThat(result.path("sort").asString()).isEqualTo("canonical");
        List<String> ids = osis(result);
        assertThat(ids.getFirst()).startsWith("Num.");
        List<Integer> ordinals = ids.stream().map(o -> org.gospelib.scripture.Versification.kjv()
                .ordinal(org.gospelib.scripture.VerseRef.parseOsis(o))).toList();
        assertThat(ordinals).isSorted();
        assertThat(osis(search("q=faith&limit=50"))).isNotEqualTo(ids);
    }

    @Test
    void highlightsMatchesAndEscapesText() {
        JsonNode hit = search("q=" + enc("\"so loved the world\"")).path("hits").get(0);
        assertThat(hit.path("highlight").asString()).contains("<mark>").contains("</mark>");
        assertThat(hit.path("highlight").asString().replace("<mark>", "").replace("</mark>", ""))
                .doesNotContain("<").isEqualTo(hit.path("text").asString().replace("'", "&#x27;"));
    }

    @Test
    void countsHitsPerBook() {
        JsonNode result = search("q=love&limit=10");
        long sum = 0;
        for (JsonNode b : result.path("facets").path("books")) sum += b.path("count").asLong();
        assertThat(sum).isEqualTo(result.path("total").asLong()).isGreaterThanOrEqualTo(result.path("hits").size());
        assertThat(result.path("facets").path("books").size()).isGreaterThan(20);
    }

    @Test
    void pagesWithACursorWithoutOverlap() {
        for (String sort : List.of("relevance", "canonical")) {
            JsonNode first = search("q=love&limit=20&sort=" + sort);
            String cursor = first.path("nextCursor").asString();
            assertThat(cursor).isNotEmpty();
            JsonNode second = search("q=love&limit=20&sort=" + sort + "&cursor=" + enc(cursor));
            assertThat(second.path("total").asLong()).isEqualTo(first.path("total").asLong());
            assertThat(osis(second)).hasSize(20).doesNotContainAnyElementsOf(osis(first));
            Http.Response other = http.get("/v1/search?q=faith&limit=20&sort=" + sort + "&cursor=" + enc(cursor));
            assertProblem(other, 400, "invalid-cursor");
        }
        JsonNode small = search("q=" + enc("\"so loved the world\""));
        assertThat(small.has("nextCursor")).isFalse();
    }

    @Test
    void findsEveryVerseOfAStrongsLemmaWithTheWordsUsed() {
        JsonNode result = search("q=H430&limit=50");
        assertThat(result.path("total").asLong()).isGreaterThan(2000);
        JsonNode first = result.path("hits").get(0);
        assertThat(first.path("words").toString()).contains("God");
        assertThat(first.path("highlight").asString()).contains("<mark>");
        int withGod = 0;
        for (JsonNode hit : result.path("hits")) if (hit.path("words").toString().contains("God")) withGod++;
        assertThat(withGod).isGreaterThan(40);
        assertThat(search("q=h0430").path("total").asLong()).isEqualTo(result.path("total").asLong());
        JsonNode agape = search("q=G26");
        assertThat(agape.path("total").asLong()).isGreaterThan(100);
        assertThat(agape.path("hits").get(0).path("words").toString()).containsAnyOf("love", "charity");
    }

    @Test
    void answersAReferenceFirst() {
        for (String q : List.of("John 3:16", "jn 3 16")) {
            JsonNode result = search("q=" + enc(q));
            assertThat(result.path("reference").path("osis").asString()).isEqualTo("John.3.16");
            assertThat(result.path("reference").path("verses").get(0).path("text").asString()).contains("God so loved the world");
        }
        JsonNode psalm = search("q=" + enc("Salmo 23") + "&translation=RV1909");
        assertThat(psalm.path("reference").path("osis").asString()).isEqualTo("Ps.23");
        assertThat(psalm.path("reference").path("verses").size()).isEqualTo(5);
        assertThat(psalm.path("reference").path("verses").get(0).path("text").asString()).contains("JEHOVÁ es mi pastor");
        assertThat(search("q=love").has("reference")).isFalse();
    }

    @Test
    void servesETagsAndCaching() {
        Http.Response first = http.get("/v1/search?q=love");
        assertThat(first.header("ETag")).isNotEmpty();
        assertThat(first.header("Cache-Control")).contains("max-age");
        assertThat(http.get("/v1/search?q=love", "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
        assertThat(http.get("/v1/search?q=faith").header("ETag")).isNotEqualTo(first.header("ETag"));
    }

    @Test
    void rejectsBadInputWithStableProblems() {
        assertProblem(http.get("/v1/search?q=" + enc("\"so loved")), 400, "invalid-query");
        assertProblem(http.get("/v1/search?q=" + enc("(faith OR hope")), 400, "invalid-query");
        assertProblem(http.get("/v1/search?q=" + enc("faith)")), 400, "invalid-query");
        assertProblem(http.get("/v1/search?q=" + enc("!!! ...")), 400, "invalid-query");
        assertProblem(http.get("/v1/search?q=" + "a".repeat(501)), 400, "query-too-long");
        assertProblem(http.get("/v1/search?q=" + enc("*ove")), 400, "too-expensive");
        assertProblem(http.get("/v1/search?q=" + enc("a* b* c* d* e* f* g* h* i* j* k* l*").replace("a*", "ab*")), 400, "too-expensive");
        assertProblem(http.get("/v1/search?q=" + enc("ab* bc* cd* de* ef* fg* gh* hi* ij* jk* kl*")), 400, "too-expensive");
        assertProblem(http.get("/v1/search?q=love&translation=XYZ"), 400, "unknown-translation");
        assertProblem(http.get("/v1/search?q=love&book=Hezekiah"), 400, "invalid-filter");
        assertProblem(http.get("/v1/search?q=love&testament=middle"), 400, "invalid-filter");
        assertProblem(http.get("/v1/search?q=love&range=" + enc("Rom 99")), 400, "invalid-filter");
        assertProblem(http.get("/v1/search?q=love&range=nonsense"), 400, "invalid-filter");
        assertProblem(http.get("/v1/search?q=love&sort=random"), 400, "invalid-filter");
        assertProblem(http.get("/v1/search?q=love&mode=magic"), 400, "invalid-filter");
        assertProblem(http.get("/v1/search?q=love&limit=101"), 400, "invalid-filter");
        assertProblem(http.get("/v1/search?q=love&limit=0"), 400, "invalid-filter");
        assertProblem(http.get("/v1/search?q=love&limit=ten"), 400, "invalid-filter");
        assertProblem(http.get("/v1/search?q=love&cursor=garbage!!"), 400, "invalid-cursor");
        assertProblem(http.get("/v1/search?q=love&cursor=" + enc("AAAA")), 400, "invalid-cursor");
        assertProblem(http.get("/v1/search"), 400, "missing-parameter");
    }

    static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("https://gospelib.org/problems/" + type);
    }
}
