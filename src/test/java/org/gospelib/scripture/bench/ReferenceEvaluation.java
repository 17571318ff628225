package org.gospelib.scripture.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gospelib.scripture.ReferenceParseException;
import org.gospelib.scripture.ReferenceParser;
import org.gospelib.scripture.bench.ReferenceEvaluationSuite.Case;

/**
 * Runs {@link ReferenceParser#parse(String)} (strict) on every case of
 * {@link ReferenceEvaluationSuite} and reports coverage per category as a Markdown table, with
 * failing examples, printed and written to {@code target/reference-evaluation.md}. Run with
 * {@code ./gospelib bench references}.
 *
 * <p>A case is correct when the parser gives exactly the expected OSIS, or, for a text that is no
 * reference, when it refuses it with {@link ReferenceParseException}. It is a report, so it exits
 * 0; {@code --fail-under 97} makes it exit 1 when overall coverage is below 97 %.
 */
public final class ReferenceEvaluation {

    static final int EXAMPLES_PER_CATEGORY = 15;
    static final Path REPORT = Path.of("target/reference-evaluation.md");

    /** The outcome of one case: what the parser gave, and whether that is right. */
    record Outcome(Case c, String got, boolean correct) {
    }

    private ReferenceEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Double failUnder = failUnder(args);
        List<Case> cases = ReferenceEvaluationSuite.cases();
        ReferenceParser parser = ReferenceParser.create();
        long start = System.nanoTime();
        List<Outcome> outcomes = cases.stream().map(c -> run(parser, c)).toList();
        long millis = (System.nanoTime() - start) / 1_000_000;
        String report = report(outcomes, millis);
        System.out.println(report);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
        double overall = coverage(outcomes);
        if (failUnder != null && overall < failUnder) {
            System.err.printf(Locale.ROOT, "overall coverage %.2f %% is below %.2f %%%n", overall, failUnder);
            System.exit(1);
        }
    }

    private static Double failUnder(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--fail-under") && i + 1 < args.length) return Double.parseDouble(args[i + 1]);
            if (args[i].startsWith("--fail-under=")) return Double.parseDouble(args[i].substring("--fail-under=".length()));
        }
        if (args.length > 0) throw new IllegalArgumentException("usage: ReferenceEvaluation [--fail-under PERCENT]");
        return null;
    }

    /**
     * One case through the parser. Any exception other than {@link ReferenceParseException} is a
     * failure too, recorded with its class, since the parser promises to throw nothing else.
     */
    static Outcome run(ReferenceParser parser, Case c) {
        try {
            String osis = parser.parse(c.input()).osis();
            return new Outcome(c, osis, osis.equals(c.expectedOsis()));
        } catch (ReferenceParseException e) {
            return new Outcome(c, "refused: " + e.reason(), !c.isReference());
        } catch (RuntimeException e) {
            return new Outcome(c, "crashed: " + e, false);
        }
    }

    static double coverage(List<Outcome> outcomes) {
        long correct = outcomes.stream().filter(Outcome::correct).count();
        return outcomes.isEmpty() ? 0 : 100.0 * correct / outcomes.size();
    }

    static String report(List<Outcome> outcomes, long millis) {
        Map<String, List<Outcome>> byCategory = new LinkedHashMap<>();
        for (Outcome o : outcomes) byCategory.computeIfAbsent(o.c().category(), k -> new ArrayList<>()).add(o);
        StringBuilder out = new StringBuilder();
        out.append("# Reference parser evaluation\n\n");
        out.append(String.format(Locale.ROOT, "%d generated cases, strict parsing (`ReferenceParser.parse`), %d ms.%n%n",
                outcomes.size(), millis));
        out.append("| category | cases | correct | coverage |\n|---|---:|---:|---:|\n");
        byCategory.forEach((category, list) -> row(out, category, list));
        row(out, "**overall**", outcomes);
        byCategory.forEach((category, list) -> failures(out, category, list));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, List<Outcome> list) {
        long correct = list.stream().filter(Outcome::correct).count();
        out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f %% |%n", label, list.size(), correct, coverage(list)));
    }

    private static void failures(StringBuilder out, String category, List<Outcome> list) {
        List<Outcome> failing = list.stream().filter(o -> !o.correct()).toList();
        if (failing.isEmpty()) return;
        out.append(String.format(Locale.ROOT, "%n## %s: %d failing", category, failing.size()));
        out.append(failing.size() > EXAMPLES_PER_CATEGORY ? " (first " + EXAMPLES_PER_CATEGORY + ")\n\n" : "\n\n");
        out.append("| input | expected | got |\n|---|---|---|\n");
        for (Outcome o : failing.subList(0, Math.min(EXAMPLES_PER_CATEGORY, failing.size()))) {
            String expected = o.c().isReference() ? "`" + o.c().expectedOsis() + "`" : "(not a reference)";
            out.append("| ").append(cell("`" + o.c().input() + "`")).append(" | ").append(expected).append(" | ")
                    .append(cell(o.got().startsWith("refused") || o.got().startsWith("crashed") ? o.got() : "`" + o.got() + "`"))
                    .append(" |\n");
        }
    }

    /** A table cell on one line, with the column separator escaped. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
