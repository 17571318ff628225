package org.gospelib.files.internal;

import org.gospelib.support.BenchClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.gospelib.GospelibApplication;
import org.gospelib.scripture.Versification;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What generated files cost, on the real corpus: each share card design and format drawn for a
 * verse, a paragraph and a long passage (median of repeated draws, and the file's size), against
 * the baseline of serving a drawn card; and a reader with {@value #NOTES} notes exported as JSON,
 * Markdown and PDF by the worker (request to ready), against the baseline of the old export built
 * inside the request. Writes {@code target/bench-files.md}. Run with {@code ./gospelib bench files}.
 */
public final class FilesBenchmark {

    static final int NOTES = Integer.getInteger("bench.notes", 10_000);
    static final int DRAWS = 15;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private FilesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GospelibApplication.class)
                .run("--gospelib.data-dir=target/bench-data", "--gospelib.ingest.on-start=if-empty", "--server.port=0",
                        "--gospelib.search.semantic.enabled=false", "--gospelib.rate-limit.enabled=false",
                        "--logging.level.root=warn", "--logging.file.name=target/bench-data/logs/files.log")) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            BenchClient.awaitReady(base, Duration.ofMinutes(10));
            StringBuilder md = new StringBuilder("# Generated files\n\n");
            cards(context, base, md);
            exports(base, md);
            Files.writeString(Path.of("target/bench-files.md"), md);
            System.out.println(md);
        }
    }

    private static void cards(ConfigurableApplicationContext context, String base, StringBuilder md) throws Exception {
        VerseCardController controller = context.getBean(VerseCardController.class);
        CardRenderer renderer = context.getBean(CardJob.class).renderer();
        // the baseline: a drawn card served from the store, through HTTP
        String location = head(base + "/v1/images/verses/KJV/John.3.16.png");
        double[] served = new double[50];
        for (int i = 0; i < served.length; i++) {
            long start = System.nanoTime();
            BenchClient.send(base + location, null);
            served[i] = (System.nanoTime() - start) / 1e6;
        }
        double baseline = median(served);
        md.append(String.format(Locale.ROOT, "## Share cards (1200 × 630)\n\nMedian of %d draws after %d to warm up. Baseline, "
                + "the same run: a drawn card served from the store over HTTP, **%.2f ms** (median of %d).\n\n", DRAWS, DRAWS,
                baseline, served.length));
        md.append("| passage | design | PNG: ms / KiB | SVG: ms / KiB | PNG draw ÷ serving a drawn card |\n|---|---|---:|---:|---:|\n");
        String[][] passages = {{"KJV", "John.3.16"}, {"RV1909", "John.3.16-John.3.21"}, {"WEB", "Ps.119.1-Ps.119.40"}};
        for (String[] p : passages) {
            for (CardDesign design : CardDesign.values()) {
                double[] png = draw(renderer, controller.describe(p[0], p[1] + ".png", design.id()));
                double[] svg = draw(renderer, controller.describe(p[0], p[1] + ".svg", design.id()));
                md.append(String.format(Locale.ROOT, "| %s %s | %s | %.1f / %.1f | %.2f / %.1f | %.0f× |%n", p[0], p[1], design.id(),
                        png[0], png[1] / 1024, svg[0], svg[1] / 1024, png[0] / baseline));
            }
        }
    }

    /** Median milliseconds and size in bytes of drawing the card. */
    private static double[] draw(CardRenderer renderer, VerseCard card) {
        for (int i = 0; i < DRAWS; i++) renderer.render(card);
        double[] times = new double[DRAWS];
        int size = 0;
        for (int i = 0; i < DRAWS; i++) {
            long start = System.nanoTime();
            size = renderer.render(card).length;
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        return new double[] {median(times), size};
    }

    private static void exports(String base, StringBuilder md) throws Exception {
        String token = BenchClient.user(base);
        Random random = new Random(42);
        Versification kjv = Versification.kjv();
        System.err.printf("writing %d notes…%n", NOTES);
        String[] words = ("grace faith hope love mercy covenant promise shepherd light word truth spirit kingdom "
                + "righteousness peace joy patience kindness gentleness temptation prayer fasting wisdom").split(" ");
        for (int n = 0; n < NOTES; n++) {
            var verse = kjv.verseAt(random.nextInt(kjv.verseTotal()));
            StringBuilder body = new StringBuilder("Note ").append(n).append(": ");
            for (int w = 0; w < 20 + random.nextInt(60); w++) body.append(words[random.nextInt(words.length)]).append(' ');
            BenchClient.post(base + "/v1/me/notes", "{\"ref\":\"" + verse.osis() + "\",\"body\":\"" + body.toString().strip()
                    + "\",\"tags\":[\"t" + n % 9 + "\"]}", token);
        }
        long start = System.nanoTime();
        String inRequest = BenchClient.send(base + "/v1/me/export?format=markdown", token);
        double baseline = (System.nanoTime() - start) / 1e6;
        md.append(String.format(Locale.ROOT, "%n## Exports of a reader with %,d notes\n\nBaseline, the same run: the Markdown "
                + "export built inside the request (`GET /v1/me/export`), **%.0f ms**, %.1f MiB.\n\n"
                + "| format | asked → ready (job, in the worker) | file | ÷ baseline |\n|---|---:|---:|---:|\n", NOTES, baseline,
                inRequest.length() / 1048576.0));
        for (String format : List.of("json", "markdown", "pdf")) {
            long asked = System.nanoTime();
            JsonNode export = JSON.readTree(BenchClient.post(base + "/v1/me/exports", "{\"format\":\"" + format + "\"}", token));
            String location = "/v1/me/exports/" + export.path("id").asString();
            while (!export.path("status").asString().equals("ready")) {
                Thread.sleep(20);
                export = JSON.readTree(BenchClient.send(base + location, token));
            }
            double millis = (System.nanoTime() - asked) / 1e6;
            md.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.1f MiB | %.1f× |%n", format, millis,
                    export.path("bytes").asLong() / 1048576.0, millis / baseline));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static String head(String uri) throws Exception {
        HttpResponse<Void> r = CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding());
        return r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(uri + " → " + r.statusCode()));
    }

}
