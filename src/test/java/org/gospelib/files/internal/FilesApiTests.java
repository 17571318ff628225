package org.gospelib.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gospelib.files.FileStore;
import org.gospelib.support.Http;
import org.gospelib.support.Readers;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Exports and share cards as a reader uses them, in the collapsed application (directory store,
 * the worker in the same process): an export asked for, built by a job, downloaded through its
 * signed link; links that were changed, have expired or point at someone else's file refused
 * alike; cards drawn once and served as immutable; every reader page naming its card.
 */
class FilesApiTests extends RunningApplication {

    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    FileStore files;

    @Autowired
    JdbcTemplate jdbc;

    HttpResponse<byte[]> fetch(String url) throws Exception {
        URI uri = url.startsWith("http") ? URI.create(url) : URI.create("http://127.0.0.1:" + port + url);
        return CLIENT.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode exported(String bearer, String format, String translation) throws InterruptedException {
        Http.Response asked = http.postJson("/v1/me/exports", "{\"format\":\"" + format + "\",\"translation\":\"" + translation + "\"}",
                "Authorization", bearer);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String location = asked.header("Location");
        assertThat(location).startsWith("/v1/me/exports/");
        assertThat(asked.json().path("status").asString()).isIn("queued", "ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode export = http.get(location, "Authorization", bearer).json();
            if (export.path("status").asString().equals("ready")) return export;
            assertThat(System.nanoTime()).as("the export is built within a minute").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aReaderExportsTheirNotesAsAPrintablePdfWithTheVerses() throws Exception {
        String address = Readers.signUp(http);
        // a confirmed address hears when the export is ready
        jdbc.update("update app_user set email_verified_at = now() where email = ?", address);
        String bearer = Readers.bearer(http, address);
        assertThat(http.postJson("/v1/me/notes", "{\"ref\":\"John 3:16\",\"body\":\"El amor de Dios: ¿quién lo mide? λόγος\","
                + "\"tags\":[\"amor\"]}", "Authorization", bearer).status()).isEqualTo(201);
        assertThat(http.postJson("/v1/me/notes", "{\"ref\":\"Ps 23:1-3\",\"body\":\"The shepherd\\n\\nsecond paragraph 😀\"}",
                "Authorization", bearer).status()).isEqualTo(201);

        JsonNode export = exported(bearer, "pdf", "rv1909");
        assertThat(export.path("format").asString()).isEqualTo("pdf");
        assertThat(export.path("translation").asString()).isEqualTo("RV1909");
        assertThat(export.path("items").asInt()).isEqualTo(2);
        String link = export.path("download").path("url").asString();
        assertThat(link).contains("/files/exports/").contains("signature=");
        HttpResponse<byte[]> pdf = fetch(link);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(pdf.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
        assertThat(pdf.body().length).isEqualTo(export.path("bytes").asLong());
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("John 3:16").contains("Porque de tal manera amó Dios al mundo")
                    .contains("El amor de Dios: ¿quién lo mide? λόγος").contains("Psalms 23:1-3").contains("JEHOVÁ es mi pastor")
                    .contains("second paragraph ?");
        }

        var mail = new org.gospelib.notifications.Mailbox(java.nio.file.Path.of("target/test-data/mailbox"))
                .await(address, m -> m.subject().equals("Your export is ready"));
        assertThat(mail.text()).contains("The PDF export of your notes").contains("/account#exports-heading");

        JsonNode json = exported(bearer, "json", "KJV");
        HttpResponse<byte[]> body = fetch(json.path("download").path("url").asString());
        assertThat(new String(body.body(), StandardCharsets.UTF_8)).contains("El amor de Dios").contains("\"notes\"");
        JsonNode markdown = exported(bearer, "markdown", "KJV");
        assertThat(new String(fetch(markdown.path("download").path("url").asString()).body(), StandardCharsets.UTF_8))
                .contains("## Notes (2)").contains("### John 3:16");

        JsonNode list = http.get("/v1/me/exports", "Authorization", bearer).json();
        assertThat(list.path("exports").size()).isEqualTo(3);
        assertThat(list.path("exports").get(0).path("format").asString()).isEqualTo("markdown");
    }

    @Test
    void aSpanishReadersExportSpeaksSpanish() throws Exception {
        String email = "lectora-" + UUID.randomUUID() + "@example.test";
        assertThat(http.send("POST", "/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + Readers.PASSWORD + "\"}",
                "Content-Type", "application/json", "Accept-Language", "es-MX,es;q=0.9").status()).isEqualTo(201);
        String bearer = Readers.bearer(http, email);
        http.postJson("/v1/me/notes", "{\"ref\":\"Juan 3:16\",\"body\":\"el amor de Dios\"}", "Authorization", bearer);
        JsonNode export = exported(bearer, "pdf", "RV1909");
        try (var document = Loader.loadPDF(fetch(export.path("download").path("url").asString()).body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("Mis notas de estudio")
                    .contains("Notas (1)").contains("Juan 3:16").contains("Versículos citados de la RV1909")
                    .contains("Porque de tal manera amó Dios al mundo");
        }
        JsonNode markdown = exported(bearer, "markdown", "RV1909");
        assertThat(new String(fetch(markdown.path("download").path("url").asString()).body(), StandardCharsets.UTF_8))
                .contains("# Mis notas de estudio").contains("### Juan 3:16");
    }

    @Test
    void linksThatWereChangedHaveExpiredOrAreSomeoneElsesAreRefusedAlike() throws Exception {
        String ana = Readers.newReader(http);
        String ben = Readers.newReader(http);
        http.postJson("/v1/me/notes", "{\"ref\":\"Ruth 1:16\",\"body\":\"whither thou goest\"}", "Authorization", ana);
        JsonNode anas = exported(ana, "markdown", "KJV");
        JsonNode bens = exported(ben, "markdown", "KJV");
        String link = anas.path("download").path("url").asString();
        assertThat(fetch(link).statusCode()).isEqualTo(200);

        String refused = withoutInstance(fetch(link.replace("signature=", "signature=x")));
        assertThat(refused).contains("\"type\"").contains("link-refused");
        java.util.List<String> changed = java.util.List.of(
                link.replace("signature=", "signature=x"),
                link.replaceAll("expires=(\\d+)", "expires=$19"),
                link.replace("name=", "name=x"),
                // Ben's file under Ana's link's signature
                link.replaceAll("/files/exports/[^?]+", "/files/" + "exports/" + bens.path("id").asString()),
                link.replaceAll("/files/exports/[^?]+", "/files/exports/" + UUID.randomUUID() + "/missing.md"),
                link.replaceAll("&signature=[^&]+", ""));
        for (String bad : changed) {
            HttpResponse<byte[]> answer = fetch(bad);
            assertThat(answer.statusCode()).as(bad).isEqualTo(403);
            assertThat(withoutInstance(answer)).as(bad).isEqualTo(refused);
        }
        // a path that climbs out of the store is refused before it reaches it
        assertThat(fetch(link.replace("/files/exports/", "/files/exports/../../")).statusCode()).isIn(400, 403);
        // an expired link, and a valid link to a file since deleted: the same answer
        String key = jdbc.queryForObject("select file_key from file_export where id = ?::uuid", String.class, anas.path("id").asString());
        FileStore.SignedLink brief = files.sign(key, Duration.ofSeconds(1), "notes.md");
        Thread.sleep(2_100);
        assertThat(withoutInstance(fetch(brief.url().toString()))).isEqualTo(refused);
        assertThat(http.send("DELETE", "/v1/me/exports/" + anas.path("id").asString(), "", "Authorization", ana).status()).isEqualTo(204);
        assertThat(files.exists(key)).isFalse();
        HttpResponse<byte[]> gone = fetch(link);
        assertThat(gone.statusCode()).isEqualTo(403);
        assertThat(withoutInstance(gone)).isEqualTo(refused);

        // Ben's export is not Ana's to read or delete
        String bensExport = "/v1/me/exports/" + bens.path("id").asString();
        assertThat(http.get(bensExport, "Authorization", ana).status()).isEqualTo(404);
        assertThat(http.send("DELETE", bensExport, "", "Authorization", ana).status()).isEqualTo(404);
        assertThat(http.get(bensExport, "Authorization", ben).status()).isEqualTo(200);
    }

    @Test
    void badExportRequestsAreClearProblems() {
        String bearer = Readers.newReader(http);
        assertProblem(http.postJson("/v1/me/exports", "{\"format\":\"docx\"}", "Authorization", bearer), 400, "invalid-parameter");
        assertProblem(http.postJson("/v1/me/exports", "{\"format\":\"pdf\",\"translation\":\"NIV\"}", "Authorization", bearer), 404,
                "unknown-translation");
        assertProblem(http.postJson("/v1/me/exports", "{\"format\":\"pdf\"}"), 401, "authentication-required");
        assertProblem(http.get("/v1/me/exports/not-a-uuid", "Authorization", bearer), 404, "not-found");
        assertProblem(http.postJson("/v1/me/exports", "[1]", "Authorization", bearer), 400, null);
    }

    @Test
    void deletingTheAccountDeletesItsExportsAndTheirFiles() throws Exception {
        String bearer = Readers.newReader(http);
        http.postJson("/v1/me/notes", "{\"ref\":\"Rev 22:21\",\"body\":\"amen\"}", "Authorization", bearer);
        JsonNode export = exported(bearer, "json", "KJV");
        String key = jdbc.queryForObject("select file_key from file_export where id = ?::uuid", String.class, export.path("id").asString());
        assertThat(files.exists(key)).isTrue();
        assertThat(http.send("DELETE", "/v1/me", "", "Authorization", bearer).status()).isEqualTo(204);
        // the listener removes the files as it goes and the rows when its transaction commits
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((files.exists(key) || rows(export.path("id").asString()) > 0) && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(files.exists(key)).isFalse();
        assertThat(rows(export.path("id").asString())).isZero();
    }

    int rows(String exportId) {
        Integer n = jdbc.queryForObject("select count(*) from file_export where id = ?::uuid", Integer.class, exportId);
        return n == null ? 0 : n;
    }

    @Test
    void aPassagesCardIsDrawnOnceAndServedAsImmutable() throws Exception {
        HttpResponse<byte[]> named = fetch("/v1/images/verses/KJV/John.3.16.png");
        assertThat(named.statusCode()).isEqualTo(303);
        String location = named.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/v1/images/cards/[0-9a-f]{32}\\.png");
        HttpResponse<byte[]> png = fetch(location);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(png.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable").contains("max-age=31536000");
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        assertThat(fetch("/v1/images/verses/kjv/John.3.16.png").headers().firstValue("Location")).hasValue(location);
        assertThat(fetch("/v1/images/verses/KJV/John.3.16.png?design=night").headers().firstValue("Location").orElseThrow())
                .isNotEqualTo(location);

        HttpResponse<byte[]> svg = fetch(fetch("/v1/images/verses/RV1909/John.3.16-John.3.17.svg?design=minimal").headers()
                .firstValue("Location").orElseThrow());
        String drawn = new String(svg.body(), StandardCharsets.UTF_8);
        assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(svg.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(drawn).contains("Juan 3:16\u201317 \u00b7 RV1909").contains("amó");

        // a long passage is wrapped at the smallest size and cut with an ellipsis
        String psalm = new String(fetch(fetch("/v1/images/verses/WEB/Ps.119.1-Ps.119.40.svg").headers().firstValue("Location")
                .orElseThrow()).body(), StandardCharsets.UTF_8);
        assertThat(psalm).contains("font-size=\"24.0\"").contains("\u2026</tspan>").contains("Psalms 119:1\u201340");
    }

    @Test
    void badCardRequestsAreClearProblems() throws Exception {
        assertProblem(http.get("/v1/images/verses/KJV/John.3.16.gif"), 400, "invalid-reference");
        assertProblem(http.get("/v1/images/verses/KJV/John.3.99.png"), 400, "invalid-reference");
        assertProblem(http.get("/v1/images/verses/KJV/Nope.png"), 400, "invalid-reference");
        assertProblem(http.get("/v1/images/verses/KJV/Gen.1.1-Gen.5.1.png"), 400, "invalid-reference");
        assertProblem(http.get("/v1/images/verses/NIV/John.3.16.png"), 404, "unknown-translation");
        assertProblem(http.get("/v1/images/verses/KJV/John.3.16.png?design=neon"), 400, "invalid-parameter");
        assertProblem(http.get("/v1/images/cards/0123456789abcdef0123456789abcdef.png"), 404, "not-found");
        assertProblem(http.get("/v1/images/cards/..%2F..%2Fetc%2Fpasswd"), 400, null);
    }

    @Test
    void everyReaderPageNamesItsVersesCardForLinkPreviews() throws Exception {
        String page = http.get("/read/KJV/John/3?v=16").body();
        assertThat(page).contains("<meta property=\"og:image\" content=\"http://localhost:8080/v1/images/verses/KJV/John.3.16.png\">")
                .contains("<meta property=\"og:title\" content=\"John 3:16 (KJV)\">")
                .contains("For God so loved the world").contains("summary_large_image");
        String chapter = http.get("/read/RV1909/Ps/23").body();
        assertThat(chapter).contains("/v1/images/verses/RV1909/Ps.23.1.png").contains("JEHOVÁ es mi pastor");
        assertThat(http.get("/").body()).contains("property=\"og:image\"");
        // a page about no verse in particular previews with its own title and the verse of the day's card
        String search = http.get("/search?q=love").body();
        assertThat(search).contains("<meta property=\"og:title\" content=\"").contains("/v1/images/verses/KJV/")
                .contains("property=\"og:description\"");
    }

    /** The problem's body but its {@code instance} (the path asked for, which differs from link to link). */
    static String withoutInstance(HttpResponse<byte[]> answer) {
        return new String(answer.body(), StandardCharsets.UTF_8).replaceAll("\"instance\":\"[^\"]*\",?", "");
    }

    static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (type != null) assertThat(response.json().path("type").asString()).endsWith(type);
    }
}
