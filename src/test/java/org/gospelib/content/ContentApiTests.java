package org.gospelib.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gospelib.support.Http.enc;

import org.gospelib.support.RunningApplication;
import org.gospelib.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContentApiTests extends RunningApplication {

    @Test
    void listsTheThreeTranslationsWithKjvFirst() {
        JsonNode list = http.get("/v1/translations").json().path("translations");
        assertThat(list.get(0).path("id").asString()).isEqualTo("KJV");
        assertThat(list.findValuesAsString("id")).contains("KJV", "WEB", "RV1909");
        JsonNode kjv = list.get(0);
        assertThat(kjv.path("verseCount").asInt()).isEqualTo(31_102);
        assertThat(kjv.path("language").asString()).isEqualTo("en");
        assertThat(kjv.path("license").asString()).isEqualTo("Public Domain");
    }

    @Test
    void listsBooksInCanonicalOrderWithCounts() {
        JsonNode books = http.get("/v1/translations/KJV/books").json().path("books");
        assertThat(books.size()).isEqualTo(66);
        assertThat(books.get(0).path("osis").asString()).isEqualTo("Gen");
        assertThat(books.get(0).path("chapters").asInt()).isEqualTo(50);
        assertThat(books.get(65).path("osis").asString()).isEqualTo("Rev");
        JsonNode psalms = books.get(18);
        assertThat(psalms.path("osis").asString()).isEqualTo("Ps");
        assertThat(psalms.path("versesPerChapter").get(118).asInt()).isEqualTo(176);
        JsonNode spanish = http.get("/v1/translations/RV1909/books").json().path("books");
        assertThat(spanish.get(42).path("osis").asString()).isEqualTo("John");
        assertThat(spanish.get(42).path("name").asString()).isEqualTo("Juan");
    }

    @Test
    void servesAPassageSideBySideAlignedOnKjvNumbering() {
        Http.Response response = http.get("/v1/passages?ref=" + enc("John 3:16-18; Rom 8") + "&translations=KJV,WEB");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("osis").asString()).isEqualTo("John.3.16-John.3.18,Rom.8");
        JsonNode first = body.path("passages").get(0).path("verses").get(0);
        assertThat(first.path("osis").asString()).isEqualTo("John.3.16");
        assertThat(first.path("translations").get(0).path("translation").asString()).isEqualTo("KJV");
        assertThat(first.path("translations").get(0).path("text").asString()).contains("For God so loved the world");
        assertThat(first.path("translations").get(1).path("translation").asString()).isEqualTo("WEB");
        assertThat(first.path("translations").get(1).path("text").asString()).contains("God so loved the world");
        assertThat(body.path("passages").get(1).path("verses").size()).isEqualTo(39);
    }

    @Test
    void marksWordsOfJesusDivineNameAdditionsAndStrongs() {
        JsonNode kjv = http.get("/v1/passages?ref=" + enc("John 3:16")).json()
                .path("passages").get(0).path("verses").get(0).path("translations").get(0);
        StringBuilder joined = new StringBuilder();
        boolean redLetters = false;
        boolean strongs = false;
        for (JsonNode segment : kjv.path("segments")) {
            joined.append(segment.path("text").asString());
            redLetters |= segment.path("marks").toString().contains("wordsOfJesus");
            strongs |= segment.path("strongs").toString().contains("G2316");
        }
        assertThat(joined.toString()).isEqualTo(kjv.path("text").asString());
        assertThat(redLetters).as("John 3:16 is red letter in the KJV").isTrue();
        assertThat(strongs).as("'God' carries G2316").isTrue();

        JsonNode psalm = http.get("/v1/passages?ref=" + enc("Ps 23:1")).json()
                .path("passages").get(0).path("verses").get(0).path("translations").get(0);
        assertThat(psalm.path("title").asString()).contains("Psalm of David");
        assertThat(psalm.path("text").asString()).startsWith("The LORD is my shepherd");
        assertThat(psalm.path("segments").toString()).contains("divineName");

        JsonNode genesis = http.get("/v1/verses/Gen.1.2").json().path("translations").get(0);
        assertThat(genesis.path("segments").toString()).contains("\"added\"");
    }

    @Test
    void alignsReinaValeraWhereItsTextSitsAtAnotherNumber() {
        JsonNode verse = http.get("/v1/passages?ref=" + enc("Num 12:16") + "&translations=KJV,RV1909").json()
                .path("passages").get(0).path("verses").get(0);
        JsonNode rv = verse.path("translations").get(1);
        assertThat(rv.path("translation").asString()).isEqualTo("RV1909");
        assertThat(rv.path("ref").asString()).isEqualTo("Num.13.1");
        assertThat(rv.path("text").asString()).contains("Haseroth");
    }

    @Test
    void servesPlainText() {
        Http.Response response = http.get("/v1/passages?ref=" + enc("Jn 11:35") + "&format=text");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.body()).contains("35 Jesus wept.");
    }

    @Test
    void servesOneVerseInEveryTranslationWithNotes() {
        JsonNode body = http.get("/v1/verses/Gen.1.4").json();
        assertThat(body.path("osis").asString()).isEqualTo("Gen.1.4");
        assertThat(body.path("translations").findValuesAsString("translation")).containsExactly("KJV", "WEB", "RV1909");
        JsonNode kjvNotes = body.path("translations").get(0).path("notes");
        assertThat(kjvNotes.get(0).path("kind").asString()).isEqualTo("translator");
        assertThat(body.path("translations").get(0).path("text").asString()).doesNotContain("Heb.");
    }

    @Test
    void revalidatesWithStrongEtags() {
        Http.Response first = http.get("/v1/passages?ref=" + enc("John 1:1"));
        String etag = first.header("ETag");
        assertThat(etag).matches("W/\"v\\d+-[0-9a-f]+\"");
        assertThat(first.header("Cache-Control")).contains("max-age=604800").contains("public");
        Http.Response again = http.get("/v1/passages?ref=" + enc("John 1:1"), "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(http.get("/v1/passages?ref=" + enc("John 1:2"), "If-None-Match", etag).status()).isEqualTo(200);
    }

    @Test
    void referencesSayWhatTheParserAssumed() {
        JsonNode body = http.get("/v1/references?q=" + enc("Genisis 1:1; 3 Kings 2; Ps 23:1a")).json();
        assertThat(body.path("osis").asString()).isEqualTo("Gen.1.1,1Kgs.2,Ps.23.1");
        JsonNode assumed = body.path("assumed");
        assertThat(assumed.size()).isEqualTo(3);
        assertThat(assumed.get(0).path("text").asString()).isEqualTo("Genisis 1:1");
        assertThat(assumed.get(0).path("notes").get(0).asString()).isEqualTo("read \"Genisis\" as Genesis");
        assertThat(assumed.get(1).path("notes").get(0).asString()).contains("another numbering");
        assertThat(assumed.get(2).path("notes").get(0).asString()).contains("as the whole verse");
        assertThat(http.get("/v1/references?q=" + enc("John 3:16")).json().has("assumed")).isFalse();
    }

    @Test
    void parsesReferencesWithoutText() {
        JsonNode body = http.get("/v1/references?q=" + enc("Jn 3:16, 18; 4:1")).json();
        assertThat(body.path("osis").asString()).isEqualTo("John.3.16,John.3.18,John.4.1");
    }

    @Test
    void reportsBadReferencesAsProblems() {
        Http.Response response = http.get("/v1/passages?ref=" + enc("Hezekiah 3:16"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://gospelib.org/problems/bad-reference");
        assertThat(problem.path("detail").asString()).contains("Hezekiah");
    }

    @Test
    void reportsOutOfRangeVersesUnknownTranslationsAndMissingParameters() {
        Http.Response outOfRange = http.get("/v1/passages?ref=" + enc("John 3:99"));
        assertThat(outOfRange.status()).isEqualTo(404);
        assertThat(outOfRange.json().path("type").asString()).endsWith("/verse-out-of-range");
        assertThat(outOfRange.json().path("detail").asString()).contains("John 3 has 36 verses");
        assertThat(http.get("/v1/verses/Jude.1.99").json().path("type").asString()).endsWith("/verse-out-of-range");
        assertThat(http.get("/v1/passages?ref=John.3.16&translations=NIV").json().path("type").asString())
                .endsWith("/unknown-translation");
        assertThat(http.get("/v1/translations/NIV/books").status()).isEqualTo(404);
        assertThat(http.get("/v1/passages").json().path("type").asString()).endsWith("/missing-parameter");
        assertThat(http.get("/v1/passages?ref=Gen-Rev").json().path("type").asString()).endsWith("/passage-too-long");
        assertThat(http.get("/v1/nothing-here").status()).isEqualTo(404);
        assertThat(http.get("/v1/nothing-here").json().path("type").asString()).endsWith("/not-found");
    }

    @Test
    void neverAnswers500ToHostileInput() {
        String[] hostile = {"%00", enc("John 3:16".repeat(400)), enc("<script>"), enc("1 1 1 1 1:1:1:1"), enc("\u202e\u0000"),
                enc("John 3:16-Gen 1:1"), enc(";;;,,,"), enc("Ps 119:1-176; ".repeat(30))};
        for (String q : hostile) {
            int status = http.get("/v1/passages?ref=" + q).status();
            assertThat(status).as(q).isBetween(200, 499);
            assertThat(http.get("/v1/references?q=" + q).status()).as(q).isBetween(200, 499);
        }
    }

    @Test
    void exposesProbesMetricsAndTheApiDescription() {
        assertThat(http.get("/livez").status()).isEqualTo(200);
        assertThat(http.get("/readyz").status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").body()).contains("http_server_requests");
        JsonNode openapi = http.get("/v1/openapi").json();
        assertThat(openapi.path("paths").has("/v1/passages")).isTrue();
        for (String path : new String[] {"/v1/graph/neighbours", "/v1/graph/path", "/v1/verses/{osis}/related", "/v1/lemmas/{strongs}"}) {
            assertThat(openapi.path("paths").has(path)).as(path).isTrue();
        }
        assertThat(openapi.path("paths").path("/v1/graph/neighbours").toString()).contains("NeighbourhoodJson");
        assertThat(http.get("/v1/translations").header("X-Request-Id")).isNotBlank();
    }
}
