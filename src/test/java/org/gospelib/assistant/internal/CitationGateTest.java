package org.gospelib.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gate between a streamed answer and the reader, however the stream is cut. */
class CitationGateTest {

    /** Every reference "checks" as verified, recording what was asked. */
    private final List<String> checked = new ArrayList<>();

    private List<AnswerPart> run(List<String> chunks) {
        List<AnswerPart> out = new ArrayList<>();
        CitationGate gate = new CitationGate((ref, quote) -> {
            checked.add(ref + quote.map(q -> " <" + q + ">").orElse(""));
            return new AnswerPart.Citation(ref, ref, AnswerPart.Status.VERIFIED, quote, Optional.empty(), Optional.empty());
        }, out::add);
        chunks.forEach(gate::accept);
        gate.finish();
        return merged(out);
    }

    /** Adjacent text parts joined: how the cut falls changes how text is split, nothing else. */
    private static List<AnswerPart> merged(List<AnswerPart> parts) {
        List<AnswerPart> merged = new ArrayList<>();
        for (AnswerPart p : parts) {
            if (p instanceof AnswerPart.Text t && !merged.isEmpty() && merged.getLast() instanceof AnswerPart.Text last) {
                merged.set(merged.size() - 1, new AnswerPart.Text(last.text() + t.text()));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }

    private static String text(List<AnswerPart> parts) {
        StringBuilder s = new StringBuilder();
        for (AnswerPart p : parts) {
            if (p instanceof AnswerPart.Text t) s.append(t.text());
            else s.append('{').append(((AnswerPart.Citation) p).osis()).append('}');
        }
        return s.toString();
    }

    @Test
    void citationsAndQuotationsAreHeldUntilCompleteAndChecked() {
        List<AnswerPart> parts = run(List.of("Love: \u201CGod is love\u201D [1John.4.8]. He said \"peace\" to them [sic], and ",
                "see [Rom.5.8] and [[John.3.16]]. An array [1, 2"));
        assertThat(text(parts)).isEqualTo("Love: {1John.4.8}. He said \"peace\" to them [sic], and see {Rom.5.8} and {John.3.16}. An array [1, 2");
        assertThat(checked).containsExactly("1John.4.8 <God is love>", "Rom.5.8", "John.3.16");
    }

    @Test
    void aQuotationWithoutACitationIsTheAnswersOwnText() {
        assertThat(text(run(List.of("They called it \u201Cthe good news\u201D, rightly.")))).isEqualTo(
                "They called it \u201Cthe good news\u201D, rightly.");
        assertThat(checked).isEmpty();
    }

    @Test
    void anUnfinishedQuotationOrCitationAtTheEndIsText() {
        assertThat(text(run(List.of("as it is written \u201Cin the beginning")))).isEqualTo("as it is written \u201Cin the beginning");
        assertThat(text(run(List.of("see [Gen.1")))).isEqualTo("see [Gen.1");
        assertThat(checked).isEmpty();
    }

    /**
     * However the stream is cut — one character at a time, at random places — the reader gets
     * the same parts, and every citation is checked once with its quotation.
     */
    @Test
    void theCutOfTheStreamChangesNothing() {
        Random random = new Random(42);
        String[] words = {"grace ", "and ", "\u201CJesus wept\u201D [John.11.35] ", "[Ps.23.1-Ps.23.3]", " \"so\" ", "[note] ",
                "[[Gen.1.1]] ", "\u201Cunfinished ", "[x1", "]", "\n", "\"a\"[Rom.8.28]", "é ", "\u201C\u201D [Jude.1.3]"};
        for (int round = 0; round < 500; round++) {
            StringBuilder answer = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) answer.append(words[random.nextInt(words.length)]);
            String whole = answer.toString();
            checked.clear();
            List<AnswerPart> once = run(List.of(whole));
            List<String> checkedOnce = List.copyOf(checked);
            checked.clear();
            List<String> chunks = new ArrayList<>();
            int at = 0;
            while (at < whole.length()) {
                int len = 1 + random.nextInt(6);
                chunks.add(whole.substring(at, Math.min(whole.length(), at + len)));
                at += len;
            }
            assertThat(run(chunks)).as(whole).isEqualTo(once);
            assertThat(checked).as(whole).isEqualTo(checkedOnce);
        }
    }
}
