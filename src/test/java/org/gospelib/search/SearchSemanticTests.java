package org.gospelib.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gospelib.search.SearchApiTests.assertProblem;
import static org.gospelib.search.SearchApiTests.osis;
import static org.gospelib.support.Http.enc;

import java.time.Duration;
import java.util.List;
import org.gospelib.support.RunningApplication;
import org.gospelib.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Semantic and hybrid search; waits for the embeddings (minutes on a cold cache, seconds after). */
class SearchSemanticTests extends RunningApplication {

    static final String LOVE_FOR_THE_WORLD = "God's love for the world";

    @BeforeEach
    void awaitSemanticIndexes() {
        for (String t : List.of("KJV", "WEB")) {
            SearchApiTests.awaitSearch(http, "/v1/search?mode=semantic&q=light&translation=" + t, Duration.ofMinutes(15));
        }
    }

    @Test
    void findsJohn316ByMeaningWithoutItsWords() {
        for (String translation : List.of("KJV", "WEB")) {
            Http.Response response = http.get("/v1/search?mode=semantic&limit=10&translation=" + translation + "&q="
                    + enc(LOVE_FOR_THE_WORLD));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode result = response.json();
            assertThat(result.path("mode").asString()).isEqualTo("semantic");
            assertThat(osis(result)).as(translation).contains("John.3.16");
        }
        // lexically, the same words do not find it: John 3:16 has "loved", not "love's", and no "for the world"
        JsonNode lexical = http.get("/v1/search?q=" + enc("\"love for the world\"")).json();
        assertThat(osis(lexical)).doesNotContain("John.3.16");
    }

    @Test
    void hybridFusesBothRankings() {
        JsonNode result = http.get("/v1/search?mode=hybrid&limit=20&q=" + enc("shepherd leads me beside still waters")).json();
        assertThat(result.path("mode").asString()).isEqualTo("hybrid");
        assertThat(result.path("hits").size()).isEqualTo(20);
        assertThat(osis(result).subList(0, 5)).contains("Ps.23.2");
        assertThat(result.path("hits").get(0).path("highlight").asString()).contains("<mark>");
        String cursor = result.path("nextCursor").asString();
        JsonNode next = http.get("/v1/search?mode=hybrid&limit=20&q=" + enc("shepherd leads me beside still waters")
                + "&cursor=" + enc(cursor)).json();
        assertThat(osis(next)).isNotEmpty().doesNotContainAnyElementsOf(osis(result));
    }

    @Test
    void semanticSearchHonoursFilters() {
        JsonNode result = http.get("/v1/search?mode=semantic&testament=ot&q=" + enc(LOVE_FOR_THE_WORLD)).json();
        assertThat(osis(result)).isNotEmpty().noneMatch(o -> o.startsWith("John."));
    }

    @Test
    void semanticSearchIsNotOfferedForSpanish() {
        assertProblem(http.get("/v1/search?mode=semantic&translation=RV1909&q=amor"), 400, "semantic-unavailable");
    }
}
