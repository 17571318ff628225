package org.gospelib.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.gospelib.support.RunningApplication;
import org.gospelib.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferenceWorksApiTests extends RunningApplication {

    @Test
    void findsTopicsByNameExactMatchFirst() {
        JsonNode topics = http.get("/v1/topics?q=faith").json().path("topics");
        assertThat(topics.get(0).path("name").asString()).isEqualToIgnoringCase("faith");
        assertThat(topics.get(0).path("verses").asInt()).isGreaterThan(100);
        assertThat(topics.size()).isBetween(2, 20);
    }

    @Test
    void servesATopicWithItsHeadingsVersesAndRelatedTopics() {
        String id = http.get("/v1/topics?q=faith").json().path("topics").get(0).path("id").asString();
        JsonNode topic = http.get("/v1/topics/" + id).json();
        assertThat(topic.path("headings").size()).isGreaterThan(1);
        assertThat(topic.path("headings").toString()).contains("Heb.11.1");
        assertThat(topic.path("related").size()).isGreaterThan(0);
    }

    @Test
    void showsHowEachTranslationRendersALemma() {
        JsonNode lemma = http.get("/v1/lemmas/H0430").json();
        assertThat(lemma.path("id").asString()).isEqualTo("H430");
        assertThat(lemma.path("lemma").asString()).isEqualTo("אלהים");
        JsonNode kjv = lemma.path("translations").get(0);
        assertThat(kjv.path("translation").asString()).isEqualTo("KJV");
        assertThat(kjv.path("verses").asInt()).isGreaterThan(2_000);
        assertThat(kjv.path("renderings").get(0).path("word").asString()).isEqualTo("God");
        assertThat(kjv.path("renderings").get(0).path("count").asInt()).isGreaterThan(2_000);
        assertThat(kjv.path("renderings").toString()).contains("\"gods\"");
        assertThat(lemma.path("verses").get(0).asString()).isEqualTo("Gen.1.1");

        JsonNode love = http.get("/v1/lemmas/g26").json().path("translations").get(0).path("renderings");
        assertThat(love.toString()).contains("\"love\"").contains("\"charity\"");
    }

    @Test
    void servesEveryCommentaryCoveringAPassage() {
        // (the MHCC module itself has nothing on John 3:9-21: its entry on 3:1 stops at "Verses 1-8")
        JsonNode body = http.get("/v1/commentary?ref=" + Http.enc("John 3:3")).json();
        assertThat(body.path("osis").asString()).isEqualTo("John.3.3");
        JsonNode entries = body.path("entries");
        assertThat(entries.findValuesAsString("module")).contains("MHCC");
        for (JsonNode entry : entries) {
            assertThat(entry.path("text").asString()).isNotBlank();
            assertThat(entry.path("covers").asString()).startsWith("John.3.");
        }
        JsonNode psalm = http.get("/v1/commentary?ref=" + Http.enc("Ps 23:1")).json().path("entries");
        assertThat(psalm.findValuesAsString("module")).contains("TDavid", "MHCC");
        assertThat(psalm.toString()).contains("\"cites\"");
        assertThat(http.get("/v1/commentary?ref=" + Http.enc("Hezekiah 1")).json().path("type").asString())
                .endsWith("/bad-reference");
        assertThat(http.get("/v1/commentary").status()).isEqualTo(400);
    }

    @Test
    void ranksRelatedVersesWithTheirEvidence() {
        JsonNode body = http.get("/v1/verses/Ps.23.1/related?limit=30").json();
        assertThat(body.path("osis").asString()).isEqualTo("Ps.23.1");
        JsonNode related = body.path("related");
        assertThat(related.size()).isEqualTo(30);
        double previous = Double.MAX_VALUE;
        for (JsonNode r : related) {
            assertThat(r.path("osis").asString()).isNotEqualTo("Ps.23.1");
            assertThat(r.path("score").asDouble()).isLessThanOrEqualTo(previous);
            assertThat(r.path("evidence").size()).isPositive();
            previous = r.path("score").asDouble();
        }
        assertThat(related.findValuesAsString("kind")).contains("commentary", "topic");
        assertThat(body.path("topics").size()).isPositive();
        assertThat(body.path("commentary").findValuesAsString("module")).contains("TDavid");
        assertThat(http.get("/v1/verses/John.3.16/related").json().path("related").size()).isEqualTo(20);
        assertThat(http.get("/v1/verses/John.3.99/related").status()).isEqualTo(404);
        assertThat(http.get("/v1/verses/John.3.16/related?limit=0").status()).isEqualTo(400);
    }

    @Test
    void reportsBadAndUnknownIdsAsProblems() {
        Http.Response bad = http.get("/v1/lemmas/X12");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("type").asString()).endsWith("/invalid-strongs");
        Http.Response unknown = http.get("/v1/lemmas/H99999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).endsWith("/lemma-not-found");
        assertThat(http.get("/v1/topics/NO-SUCH-TOPIC").json().path("type").asString()).endsWith("/topic-not-found");
        assertThat(http.get("/v1/topics").json().path("type").asString()).endsWith("/missing-parameter");
        assertThat(http.get("/v1/topics?q=x&limit=0").status()).isEqualTo(400);
    }

    @Test
    void revalidatesWithEtags() {
        Http.Response first = http.get("/v1/lemmas/G26");
        assertThat(http.get("/v1/lemmas/G26", "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
    }
}
