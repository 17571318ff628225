package org.gospelib.assistant.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gospelib.GospelibApplication;
import org.gospelib.assistant.LocalModels;
import org.gospelib.content.ScriptureText;
import org.gospelib.platform.ProblemException;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.gospelib.search.SearchRequest;
import org.gospelib.search.VerseSearch;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * {@code ./gospelib bench assistant}: the project's question set ({@code assistant/questions.tsv},
 * questions as readers ask them with the passages a good answer must cite) run against the real
 * corpus. Reports retrieval recall@10, whether questions the corpus does not answer are refused,
 * citation precision — the share of citations shown as verified that hold when checked again,
 * independently — for the extractive answer and for a language model that invents verses and
 * misquotes (a local server speaking OpenAI's streaming API), and latency to the first part.
 * Writes {@code target/bench-assistant.md}.
 */
public final class AssistantBenchmark {

    record Case(String language, String translation, String question, List<String> passages) {
        boolean answerable() {
            return !passages.isEmpty();
        }
    }

    record Outcome(Case c, boolean relevant, double recall, boolean hit, long retrievalNanos, long extractiveFirstNanos,
            long modelFirstNanos, int shownVerified, int holdingVerified, int modelShownVerified, int modelHolding,
            int modelCaught, int modelPlanted) {
    }

    public static void main(String[] args) throws Exception {
        List<Case> cases = cases();
        LocalModels models = LocalModels.shared();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GospelibApplication.class)
                .web(WebApplicationType.NONE)
                .run("--gospelib.data-dir=" + System.getProperty("bench.data-dir", "target/bench-assistant"), "--gospelib.ingest.on-start=incremental",
                        "--logging.level.root=warn", "--logging.file.name=target/bench-assistant/logs/bench-assistant.log")) {
            ScriptureText text = context.getBean(ScriptureText.class);
            VerseSearch search = context.getBean(VerseSearch.class);
            awaitIndexes(text, search);
            Retriever retriever = context.getBean(Retriever.class);
            CitationVerifier verifier = context.getBean(CitationVerifier.class);
            ExtractiveWriter extractive = new ExtractiveWriter();
            LanguageModelWriter noisy = new LanguageModelWriter("openai", OpenAiStreamingChatModel.builder()
                    .apiKey(LocalModels.OPENAI_KEY).baseUrl(models.base() + "/openai/v1").modelName("gpt-4o-mini").build(),
                    Duration.ofSeconds(20), Duration.ofSeconds(20));
            models.openai.responder = AssistantBenchmark::noisyAnswer;

            // one warm-up round, not counted: the first questions pay for class loading and the JIT
            for (Case c : cases.subList(0, 5)) retriever.retrieve(c.question(), c.translation());
            List<Outcome> outcomes = new ArrayList<>();
            for (Case c : cases) outcomes.add(run(c, retriever, verifier, extractive, noisy, text));
            String report = report(outcomes);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/bench-assistant.md"), report);
            System.out.println(report);
        }
        System.exit(0);
    }

    private static Outcome run(Case c, Retriever retriever, CitationVerifier verifier, ExtractiveWriter extractive,
            LanguageModelWriter model, ScriptureText text) {
        Question question = new Question(c.question(), c.translation(), c.language());
        long start = System.nanoTime();
        Retrieved retrieved = retriever.retrieve(c.question(), c.translation());
        long retrieval = System.nanoTime() - start;
        List<VerseRef> top = retrieved.of(Source.Kind.VERSE).stream().limit(10).map(s -> VerseRef.parseOsis(s.osis())).toList();
        int found = 0;
        for (String passage : c.passages()) {
            List<VerseRef> verses = OsisRange.parse(passage).verses(Versification.kjv());
            if (verses.stream().anyMatch(top::contains)) found++;
        }
        double recall = c.answerable() ? (double) found / c.passages().size() : 0;
        CitationGate.Check check = (ref, quote) -> verifier.verify(ref, quote, c.translation());

        List<AnswerPart> parts = new ArrayList<>();
        long[] first = {0};
        long t0 = System.nanoTime();
        CitationGate gate = new CitationGate(check, p -> {
            if (first[0] == 0) first[0] = System.nanoTime() - t0 + retrieval;
            parts.add(p);
        });
        extractive.write(question, retrieved, gate::accept);
        gate.finish();
        int[] extractiveCounts = holding(parts, c.translation(), text);

        List<AnswerPart> modelParts = new ArrayList<>();
        long[] modelFirst = {0};
        long t1 = System.nanoTime();
        if (retrieved.relevant()) {
            CitationGate modelGate = new CitationGate(check, p -> {
                if (modelFirst[0] == 0) modelFirst[0] = System.nanoTime() - t1 + retrieval;
                modelParts.add(p);
            });
            model.write(question, retrieved, modelGate::accept);
            modelGate.finish();
        }
        int[] modelCounts = holding(modelParts, c.translation(), text);
        int caught = (int) modelParts.stream().filter(p -> p instanceof AnswerPart.Citation ci && !ci.verified()).count();
        return new Outcome(c, retrieved.relevant(), recall, found > 0, retrieval, first[0], modelFirst[0], extractiveCounts[0],
                extractiveCounts[1], modelCounts[0], modelCounts[1], caught, retrieved.relevant() ? PLANTED : 0);
    }

    /** Citations shown as verified, and how many of them hold when checked again by other code. */
    private static int[] holding(List<AnswerPart> parts, String translation, ScriptureText text) {
        int shown = 0;
        int holds = 0;
        for (AnswerPart p : parts) {
            if (!(p instanceof AnswerPart.Citation c) || !c.verified()) continue;
            shown++;
            if (independentlyHolds(c, translation, text)) holds++;
        }
        return new int[] {shown, holds};
    }

    /** A second, simpler check: every verse has text, and the quotation's words appear in order in one translation. */
    private static boolean independentlyHolds(AnswerPart.Citation c, String translation, ScriptureText text) {
        List<VerseRef> verses = new ArrayList<>();
        try {
            for (String part : c.osis().split("[,;]\\s*")) verses.addAll(OsisRange.parse(part.strip()).verses(Versification.kjv()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (verses.isEmpty()) return false;
        String in = c.translation().orElse(translation);
        StringBuilder passage = new StringBuilder();
        for (VerseRef v : verses) {
            var content = text.verse(in, v);
            if (content.isEmpty() || text.verse(translation, v).isEmpty()) return false;
            passage.append(' ').append(content.get().text());
        }
        if (c.quote().isEmpty()) return true;
        String words = " " + simple(passage.toString()) + " ";
        for (String fragment : c.quote().get().split("\\.\\.\\.|…")) {
            String f = simple(fragment);
            if (f.isEmpty()) continue;
            int at = words.indexOf(" " + f + " ");
            if (at < 0) return false;
            words = words.substring(at + f.length());
        }
        return true;
    }

    private static String simple(String s) {
        return s.toLowerCase(Locale.ROOT).replace("\u2019", "").replace("'", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Bad citations the noisy model plants in every answer: an invented book, a verse past the chapter's end, a misquotation. */
    static final int PLANTED = 3;
    private static final Pattern VERSE = Pattern.compile("<source id=\"S\\d+\" kind=\"verse\" ref=\"([^\"]+)\" title=\"[^\"]*\">([^<]*)</source>");

    /** A model that answers from its sources, but also invents a verse, cites one that is not there and misquotes one. */
    static LocalModels.Behaviour noisyAnswer(tools.jackson.databind.JsonNode request) {
        Matcher m = VERSE.matcher(LocalModels.allText(request));
        List<String[]> verses = new ArrayList<>();
        while (m.find() && verses.size() < 3) verses.add(new String[] {m.group(1), unescape(m.group(2))});
        if (verses.isEmpty()) return LocalModels.Answer.of("The library holds nothing that answers this question.");
        List<String> pieces = new ArrayList<>();
        pieces.add("Scripture answers this. ");
        for (String[] v : verses) {
            String[] words = v[1].split(" ");
            String quote = String.join(" ", Arrays.copyOfRange(words, 0, Math.min(7, words.length)));
            pieces.add("It says \u201C" + quote + "\u201D [" + v[0] + "]. ");
        }
        String[] first = verses.getFirst();
        String[] words = first[1].split(" ");
        pieces.add("Some remember it as \u201C" + String.join(" ", Arrays.copyOfRange(words, 0, Math.min(4, words.length)))
                + " and the angels sang\u201D [" + first[0] + "], ");
        pieces.add("others cite [Hezek.3.16] or [" + first[0].replaceAll("\\.\\d+$", ".199") + "].");
        return new LocalModels.Answer(pieces);
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static void awaitIndexes(ScriptureText text, VerseSearch search) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(40);
        System.out.println("waiting for the corpus and its search indexes (a first run ingests and embeds: minutes)…");
        while (System.nanoTime() < deadline) {
            if (!text.translations().isEmpty()) {
                try {
                    for (String t : List.of("KJV", "WEB")) search.search(SearchRequest.of("love").in(t).by(SearchRequest.Mode.SEMANTIC).limit(1));
                    search.search(SearchRequest.of("amor").in("RV1909").limit(1));
                    return;
                } catch (ProblemException notYet) {
                    // still building
                }
            }
            Thread.sleep(2_000);
        }
        throw new IllegalStateException("the search indexes were not ready within 40 minutes");
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (var in = AssistantBenchmark.class.getResourceAsStream("/assistant/questions.tsv")) {
            if (in == null) throw new IllegalStateException("assistant/questions.tsv is missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                List<String> passages = f[3].strip().equals("-") ? List.of() : List.of(f[3].strip().split("\\s+"));
                cases.add(new Case(f[0], f[1], f[2], passages));
            }
        }
        return cases;
    }

    private static String report(List<Outcome> outcomes) {
        List<Outcome> answerable = outcomes.stream().filter(o -> o.c().answerable()).toList();
        List<Outcome> offTopic = outcomes.stream().filter(o -> !o.c().answerable()).toList();
        double recall = answerable.stream().mapToDouble(Outcome::recall).average().orElse(0);
        long hits = answerable.stream().filter(Outcome::hit).count();
        long recognised = answerable.stream().filter(Outcome::relevant).count();
        long refused = offTopic.stream().filter(o -> !o.relevant()).count();
        int shown = outcomes.stream().mapToInt(Outcome::shownVerified).sum();
        int holding = outcomes.stream().mapToInt(Outcome::holdingVerified).sum();
        int modelShown = outcomes.stream().mapToInt(Outcome::modelShownVerified).sum();
        int modelHolding = outcomes.stream().mapToInt(Outcome::modelHolding).sum();
        int caught = outcomes.stream().mapToInt(Outcome::modelCaught).sum();
        int planted = outcomes.stream().mapToInt(Outcome::modelPlanted).sum();
        StringBuilder md = new StringBuilder("# Assistant evaluation\n\n");
        md.append(String.format(Locale.ROOT, "%d questions (%d answerable: %d English, %d Spanish; %d the corpus does not answer).%n%n",
                outcomes.size(), answerable.size(), answerable.stream().filter(o -> o.c().language().equals("en")).count(),
                answerable.stream().filter(o -> o.c().language().equals("es")).count(), offTopic.size()));
        md.append("| measure | value |\n|---|---:|\n");
        md.append(String.format(Locale.ROOT, "| retrieval recall@10 (expected passages among the first 10 verses) | %.3f |%n", recall));
        md.append(String.format(Locale.ROOT, "| questions with at least one expected passage in the first 10 | %d of %d |%n", hits, answerable.size()));
        for (String lang : List.of("en", "es")) {
            md.append(String.format(Locale.ROOT, "| recall@10, %s | %.3f |%n", lang, answerable.stream()
                    .filter(o -> o.c().language().equals(lang)).mapToDouble(Outcome::recall).average().orElse(0)));
        }
        md.append(String.format(Locale.ROOT, "| answerable questions answered (not refused) | %d of %d |%n", recognised, answerable.size()));
        md.append(String.format(Locale.ROOT, "| questions the corpus does not answer, refused | %d of %d |%n", refused, offTopic.size()));
        md.append(String.format(Locale.ROOT, "| extractive answers: citation precision (shown as verified and holding) | %d / %d = %s |%n",
                holding, shown, percent(holding, shown)));
        md.append(String.format(Locale.ROOT, "| noisy model: citation precision | %d / %d = %s |%n", modelHolding, modelShown,
                percent(modelHolding, modelShown)));
        md.append(String.format(Locale.ROOT, "| noisy model: planted bad citations caught (removed or marked) | %d of %d |%n", caught, planted));
        md.append(String.format(Locale.ROOT, "| retrieval time, p50 / p95 | %s / %s |%n", ms(outcomes, Outcome::retrievalNanos, 50),
                ms(outcomes, Outcome::retrievalNanos, 95)));
        md.append(String.format(Locale.ROOT, "| first part, extractive, p50 / p95 | %s / %s |%n", ms(outcomes, Outcome::extractiveFirstNanos, 50),
                ms(outcomes, Outcome::extractiveFirstNanos, 95)));
        md.append(String.format(Locale.ROOT, "| first part, model over local HTTP streaming, p50 / p95 | %s / %s |%n",
                ms(outcomes, Outcome::modelFirstNanos, 50), ms(outcomes, Outcome::modelFirstNanos, 95)));
        md.append("\nAnswerable questions refused as if the corpus did not answer them:\n\n");
        for (Outcome o : answerable) if (!o.relevant()) md.append("- ").append(o.c().question()).append(" (").append(o.c().translation()).append(")\n");
        md.append("\nQuestions whose first 10 verses hold none of the expected passages:\n\n");
        for (Outcome o : answerable) if (!o.hit()) md.append("- ").append(o.c().question()).append(" (").append(o.c().translation()).append(")\n");
        return md.toString();
    }

    private static String percent(int a, int b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * a / b);
    }

    private static String ms(List<Outcome> outcomes, java.util.function.ToLongFunction<Outcome> f, int pct) {
        long[] values = outcomes.stream().mapToLong(f).filter(v -> v > 0).sorted().toArray();
        if (values.length == 0) return "n/a";
        long v = values[Math.min(values.length - 1, (int) Math.ceil(pct / 100.0 * values.length) - 1)];
        return String.format(Locale.ROOT, "%.1f ms", v / 1e6);
    }

}
