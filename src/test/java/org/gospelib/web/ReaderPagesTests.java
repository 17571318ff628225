package org.gospelib.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.gospelib.support.Http;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;

/** The pages over plain HTTP: what they hold, how they are cached, and their errors. */
class ReaderPagesTests extends RunningApplication {

    static final String HTML = "text/html";

    Http.Response page(String path) {
        return http.get(path, "Accept", "text/html,application/xhtml+xml");
    }

    @Test
    void aChapterPageHoldsItsVersesMarkedAndIsCacheable() {
        Http.Response chapter = page("/read/KJV/Matt/5");
        assertThat(chapter.status()).isEqualTo(200);
        assertThat(chapter.header("Content-Type")).startsWith(HTML);
        String body = chapter.body();
        assertThat(body).contains("<h1><span>Matthew</span> <span>5</span></h1>");
        assertThat(body.split("class=\"row verse", -1).length - 1).isEqualTo(48);
        assertThat(body).contains("<span class=\"wj\">Blessed <i>are</i> the poor in spirit");
        assertThat(body).contains("rel=\"next\"").contains("href=\"/read/KJV/Matt/6\"");
        assertThat(chapter.header("Cache-Control")).contains("public").contains("max-age=300");
        assertThat(chapter.header("Content-Security-Policy")).contains("script-src 'self'");

        String etag = chapter.header("ETag");
        assertThat(etag).isNotBlank();
        Http.Response again = http.get("/read/KJV/Matt/5", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(http.get("/read/KJV/Matt/6", "If-None-Match", etag).status()).isEqualTo(200);
    }

    @Test
    void aPageServedAgainFromMemoryIsTheSamePageWithTheSameHeaders() {
        Http.Response first = page("/read/KJV/Rom/8?with=WEB");
        Http.Response second = page("/read/KJV/Rom/8?with=WEB");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.header("Content-Security-Policy")).isEqualTo(first.header("Content-Security-Policy")).isNotBlank();
        assertThat(second.header("Cache-Control")).isEqualTo(first.header("Cache-Control"));
        assertThat(http.get("/read/KJV/Rom/8?with=WEB", "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
        // another translation is another page
        assertThat(page("/read/KJV/Rom/8?with=RV1909").body()).isNotEqualTo(first.body()).contains("lang=\"es\"");
    }

    @Test
    void pagesAreSentCompressedToBrowsersThatAcceptIt() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/read/KJV/Ps/119")).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"v176\"");
        assertThat(response.body().length).isLessThan(html.length() / 3);
    }

    @Test
    void theStylesheetAndScriptAreLinkedByContentAndKeptForAYear() {
        String home = page("/").body();
        var css = java.util.regex.Pattern.compile("href=\"(/css/reader-[0-9a-f]{32}\\.css)\"").matcher(home);
        assertThat(css.find()).isTrue();
        Http.Response stylesheet = http.get(css.group(1));
        assertThat(stylesheet.status()).isEqualTo(200);
        assertThat(stylesheet.header("Cache-Control")).contains("max-age=31536000");
        assertThat(stylesheet.body()).contains(".wj");
    }

    @Test
    void theParallelViewAlignsTranslationsOnKjvNumbering() {
        // Malachi 4 in KJV is chapter 3:19-24 in the Spanish numbering: the row of 4:1 holds both
        String body = page("/read/KJV/Mal/4?with=RV1909").body();
        String row = body.substring(body.indexOf("id=\"v1\""), body.indexOf("id=\"v2\""));
        assertThat(row).contains("lang=\"en\"").contains("lang=\"es\"");
        assertThat(row).contains("the day cometh").containsIgnoringCase("viene el día");
    }

    @Test
    void otherSpellingsRedirectToTheCanonicalChapterUrl() {
        Http.Response spelled = http.get("/read/kjv/jn/3");
        assertThat(spelled.status()).isEqualTo(302);
        assertThat(spelled.header("Location")).endsWith("/read/KJV/John/3");
        Http.Response reference = http.get("/read?ref=" + Http.enc("Juan 3:16") + "&tr=RV1909");
        assertThat(reference.header("Location")).endsWith("/read/RV1909/John/3?v=16#v16");
    }

    @Test
    void theGoToBoxSaysWhatItAssumed() {
        Http.Response misspelled = http.get("/read?ref=" + Http.enc("Genisis 1:3"));
        assertThat(misspelled.status()).isEqualTo(302);
        String location = misspelled.header("Location");
        assertThat(location).startsWith("/read/KJV/Gen/1?v=3&read=Genisis").endsWith("#v3");
        String chapter = page(location.substring(0, location.indexOf('#'))).body();
        assertThat(chapter).contains("Did you mean <strong>Genesis 1</strong>?", "read &quot;Genisis&quot; as Genesis");
        // the notice comes from the text read again, never from the address: nothing else can be put there
        assertThat(page("/read/KJV/Gen/1?read=" + Http.enc("<b>Gen 1</b>")).body()).doesNotContain("Did you mean");
        // and a reference read as typed gets no notice
        assertThat(http.get("/read?ref=" + Http.enc("Genesis 1:3")).header("Location")).doesNotContain("read=");
    }

    @Test
    void badAddressesAnswerErrorPagesWithTheirStatus() {
        assertThat(page("/read/KJV/Nope/1").status()).isEqualTo(404);
        assertThat(page("/read/XYZ/John/1").body()).contains("There is no translation called");
        assertThat(page("/read/KJV/John/x").status()).isEqualTo(400);
        assertThat(page("/read/KJV/John/3?with=KJV,WEB,RV1909,XYZ").status()).isEqualTo(404);
        assertThat(page("/read/KJV/John/3/99/panel").status()).isEqualTo(404);
        assertThat(page("/lemmas/Q12").status()).isEqualTo(400);
        assertThat(page("/lemmas/G99999").status()).isEqualTo(404);
        assertThat(page("/topics/NO-SUCH-TOPIC").status()).isEqualTo(404);
        Http.Response missing = page("/nothing/here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith(HTML);
        Http.Response api = http.get("/v1/nothing/here");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void searchShowsHighlightedHitsFacetsAndItsErrorsOnThePage() {
        Http.Response found = page("/search?q=" + Http.enc("\"living water\""));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("<mark>living water</mark>").contains("href=\"/read/KJV/John/4?v=10#v10\"");
        Http.Response broken = page("/search?q=" + Http.enc("\"unclosed phrase"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("role=\"alert\"");
        assertThat(broken.header("Cache-Control")).contains("no-store");
    }

    @Test
    void textFromTheCorpusAndQueriesAreEscaped() {
        Http.Response search = page("/search?q=" + Http.enc("<script>alert(1)</script>"));
        assertThat(search.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    @Test
    void strongsNumbersComeWithTheirGloss() {
        String body = page("/read/KJV/Gen/1?strongs=true").body();
        assertThat(body).containsPattern("<a class=\"w\" href=\"/lemmas/H430\" title=\"H430 [^\"]+\">God<sup>H430</sup></a>");
    }

    @Test
    void pagesOfAReadersOwnAreNeverStored() {
        assertThat(page("/me/notes").header("Cache-Control")).contains("no-store");
        assertThat(page("/signin").header("Cache-Control")).contains("no-store");
    }
}
