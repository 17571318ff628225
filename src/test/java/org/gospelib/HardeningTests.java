package org.gospelib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.gospelib.support.Http;
import org.gospelib.support.RawHttp;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One regression test for each way the application was found to answer hostile input badly. */
class HardeningTests extends RunningApplication {

    private static final String PASSWORD = "a long enough password";

    @Test
    void redirectsAreRelativeAndNeverExpandTheQuery() {
        RawHttp raw = new RawHttp(port);
        RawHttp.Response forged = raw.get("/read/kjv/John/03?with=%7Bx%7D", "Host: evil.example");
        assertThat(forged.status()).isEqualTo(302);
        assertThat(forged.header("Location")).isEqualTo("/read/KJV/John/3?with=%7Bx%7D");
        RawHttp.Response named = raw.get("/read/kjv/John/03?with=%7Btr%7D", "Host: evil.example");
        assertThat(named.header("Location")).isEqualTo("/read/KJV/John/3?with=%7Btr%7D");
        RawHttp.Response go = raw.get("/read?ref=John+3:16&with=WEB,%7Bx%7D", "Host: evil.example");
        assertThat(go.status()).isEqualTo(302);
        assertThat(go.header("Location")).startsWith("/read/KJV/John/3").doesNotContain("evil");
    }

    @Test
    void invalidUtf8AndControlCharactersInTheTargetAreBadRequests() {
        for (String target : new String[] {"/v1/references?q=Job%FF", "/livez?x=%FF", "/v1/search?q=%C0%AF",
                "/v1/references?q=John%003", "/read/KJV/John/3?with=%ED%A0%80", "/v1/search?q=love%"}) {
            RawHttp.Response r = new RawHttp(port).get(target);
            assertThat(r.status()).as(target).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(target).startsWith("application/problem+json");
            assertThat(r.text()).as(target).contains("/problems/invalid-encoding\"");
        }
        // what readers type is not affected: spaces, accents, another script
        assertThat(http.get("/v1/search?q=" + Http.enc("Dios amó al mundo") + "&translation=RV1909").status()).isEqualTo(200);
    }

    @Test
    void aSemanticQueryWithNothingToEmbedIsABadRequest() {
        for (String q : new String[] {"%E2%80%8B", "%E2%80%8B%E2%80%8B", "%21%3F", "%EF%BB%BF"}) {
            for (String mode : new String[] {"semantic", "hybrid"}) {
                Http.Response r = http.get("/v1/search?q=" + q + "&mode=" + mode + "&translation=WEB");
                assertThat(r.status()).as(q + " " + mode).isEqualTo(400);
                assertThat(problemType(r)).isEqualTo("invalid-query");
            }
        }
    }

    @Test
    void aCursorThatWasEditedIsRefused() {
        JsonNode first = http.get("/v1/search?q=love&limit=5").json();
        String cursor = first.path("nextCursor").asString();
        String payload = cursor.substring(0, cursor.indexOf('.'));
        String raw = new String(java.util.Base64.getUrlDecoder().decode(payload));
        String[] parts = raw.split("\\|");
        parts[5] = "99999999"; // a document past the end of the index
        String moved = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("|", parts).getBytes())
                + cursor.substring(cursor.indexOf('.'));
        Http.Response r = http.get("/v1/search?q=love&limit=5&cursor=" + Http.enc(moved));
        assertThat(r.status()).isEqualTo(400);
        assertThat(problemType(r)).isEqualTo("invalid-cursor");
        assertThat(http.get("/v1/search?q=love&limit=5&cursor=" + Http.enc(cursor)).status()).isEqualTo(200);
    }

    @Test
    void textWithControlCharactersOrWrongJsonTypesIsRefusedNotStored() {
        String token = signedIn();
        String[] bad = {"{\"ref\":\"John.3.16\",\"body\":\"a\\u0000b\"}", "{\"ref\":\"John.3.16\",\"body\":\"x\",\"tags\":[\"t\\u0000\"]}",
                "{\"ref\":\"John.3.16\",\"body\":\"half \\ud800 a pair\"}"};
        for (String body : bad) {
            Http.Response r = http.postJson("/v1/me/notes", body, "Authorization", "Bearer " + token);
            assertThat(r.status()).as(body).isEqualTo(422);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        Http.Response folder = http.postJson("/v1/me/bookmarks", "{\"ref\":\"John.3.16\",\"folder\":\"a\\u0000\"}",
                "Authorization", "Bearer " + token);
        assertThat(folder.status()).isEqualTo(422);
        Http.Response number = http.postJson("/v1/me/notes", "{\"ref\":\"John.3.16\",\"body\":5}", "Authorization", "Bearer " + token);
        assertThat(number.status()).isEqualTo(400);
        assertThat(http.get("/v1/me/notes", "Authorization", "Bearer " + token).json().path("notes").size()).isZero();
        // a note with line breaks and tabs is fine
        assertThat(http.postJson("/v1/me/notes", "{\"ref\":\"John.3.16\",\"body\":\"line\\n\\tindented\"}",
                "Authorization", "Bearer " + token).status()).isEqualTo(201);
    }

    @Test
    void signUpFieldsHaveLimitsAndTypes() {
        String email = "limits-" + UUID.randomUUID() + "@example.test";
        Http.Response longName = http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"" + "n".repeat(50_000) + "\"}");
        assertThat(longName.status()).isIn(413, 422);
        Http.Response numberName = http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":5}");
        assertThat(numberName.status()).isEqualTo(400);
        Http.Response longEmail = http.postJson("/v1/auth/signup", "{\"email\":\"" + "e".repeat(300) + "@example.test\",\"password\":\""
                + PASSWORD + "\",\"displayName\":\"x\"}");
        assertThat(longEmail.status()).isEqualTo(400);
        Http.Response hundred = http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"" + "n".repeat(101) + "\"}");
        assertThat(hundred.status()).isEqualTo(422);
        assertThat(problemType(hundred)).isEqualTo("invalid-display-name");
    }

    @Test
    void whatTomcatRefusesItselfIsStillAProblem() {
        RawHttp raw = new RawHttp(port);
        RawHttp.Response longUrl = raw.get("/v1/search?q=" + "a".repeat(20_000));
        assertThat(longUrl.status()).isBetween(400, 431);
        assertThat(longUrl.header("Content-Type")).startsWith("application/problem+json");
        assertThat(longUrl.text()).doesNotContain("Apache Tomcat");
        for (String target : new String[] {"/v1/verses/John%2F3", "/v1/verses/John%5C3", "/v1/verses/John.3.16%00"}) {
            RawHttp.Response r = raw.get(target);
            assertThat(r.status()).as(target).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(target).startsWith("application/problem+json");
        }
        Http.Response png = http.get("/v1/passages?ref=John+3", "Accept", "image/png");
        assertThat(png.status()).isEqualTo(406);
        assertThat(png.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problemType(png)).isEqualTo("not-acceptable");
    }

    @Test
    void noAnswerIsUnboundedInSize() {
        Http.Response commentary = http.get("/v1/commentary?ref=" + Http.enc("Ps 1-150"));
        assertThat(commentary.status()).isEqualTo(400);
        assertThat(problemType(commentary)).isEqualTo("passage-too-long");
        Http.Response parallel = http.get("/v1/passages?ref=Ps&translations=KJV,WEB,RV1909");
        assertThat(parallel.status()).isEqualTo(400);
        assertThat(problemType(parallel)).isEqualTo("passage-too-long");
        assertThat(parallel.json().path("translations").asInt()).isEqualTo(3);
        // what a reader asks for still answers: a chapter's commentary, a book in one translation
        assertThat(http.get("/v1/commentary?ref=" + Http.enc("Ps 119")).status()).isEqualTo(200);
        assertThat(http.get("/v1/passages?ref=Ps").status()).isEqualTo(200);
    }

    private String signedIn() {
        String email = "hardening-" + UUID.randomUUID() + "@example.test";
        assertThat(http.postJson("/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"H\"}").status()).isEqualTo(201);
        return http.postJson("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .json().path("accessToken").asString();
    }

    private static String problemType(Http.Response r) {
        String type = r.json().path("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
