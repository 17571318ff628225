package org.gospelib.scripture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.OsisRange.Granularity;
import org.gospelib.scripture.Versification;
import org.gospelib.scripture.bench.ReferenceEvaluationSuite.Case;
import org.junit.jupiter.api.Test;

/**
 * Checks the evaluation suite itself, not the parser: its size and balance, that it never
 * expects two answers for one text, that every expected answer is well-formed OSIS, and that its
 * own tables do not contradict each other. Expected OSIS is read with {@link OsisRange#parse},
 * the OSIS reader, never with the reference parser under evaluation.
 *
 * <p>Runs with the test suite, beside {@link ReferenceParserCoverageTest}, which holds the parser to it.
 */
class ReferenceEvaluationSuiteTest {

    private static final List<Case> CASES = ReferenceEvaluationSuite.cases();

    @Test
    void hasAtLeastSixThousandCases() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(6_000);
    }

    @Test
    void hasEveryCategoryWithAtLeastThreeHundredCases() {
        Map<String, Long> perCategory = CASES.stream().collect(Collectors.groupingBy(Case::category, Collectors.counting()));

        assertThat(perCategory.keySet()).containsExactlyInAnyOrderElementsOf(ReferenceEvaluationSuite.CATEGORIES.keySet());
        perCategory.forEach((category, count) -> assertThat(count).as(category).isGreaterThanOrEqualTo(300));
    }

    @Test
    void neverExpectsTwoAnswersForOneInput() {
        Map<String, Case> byInput = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (Case c : CASES) {
            Case earlier = byInput.putIfAbsent(c.input(), c);
            if (earlier != null && !Objects.equals(earlier.expectedOsis(), c.expectedOsis())) {
                conflicts.add(c.input() + ": " + earlier.expectedOsis() + " / " + c.expectedOsis());
            }
        }
        assertThat(conflicts).isEmpty();
    }

    @Test
    void expectsOnlyWellFormedOsis() {
        List<String> malformed = new ArrayList<>();
        for (Case c : CASES) {
            if (!c.isReference()) continue;
            for (String part : c.expectedOsis().split(",", -1)) {
                try {
                    OsisRange range = OsisRange.parse(part);
                    if (!range.osis().equals(part)) malformed.add(c.input() + " → " + part + " reads back as " + range.osis());
                } catch (RuntimeException e) {
                    malformed.add(c.input() + " → " + part + ": " + e.getMessage());
                }
            }
        }
        assertThat(malformed).isEmpty();
    }

    @Test
    void isTheSameOnEveryRun() {
        assertThat(ReferenceEvaluationSuite.cases()).isEqualTo(CASES);
    }

    @Test
    void coversBothLanguagesOutsideTheSpanishCategory() {
        Set<String> withSpanish = new HashSet<>();
        for (Case c : CASES) {
            if (c.input().matches("(?iu).*(Juan|Mateo|Marcos|Lucas|Hechos|Romanos|Corintios|Reyes|Salmo|Génesis|"
                    + "Primera|Segunda|Carta|Epístola|Evangelio|capítulo|versículo| al | y |Paralipómenos).*")) {
                withSpanish.add(c.category());
            }
        }
        assertThat(withSpanish).contains("misspelled", "ordinal", "titles", "connectors", "notation", "spanish",
                "not-a-reference");
    }

    @Test
    void misspellingsAreNeitherRightSpellingsNorAbbreviations() {
        List<String> right = new ArrayList<>();
        for (Spellings.Book book : Spellings.all()) {
            for (List<String> names : List.of(book.english(), book.englishAbbreviations(), book.spanish(),
                    book.spanishAbbreviations())) {
                names.forEach(n -> right.add(Spellings.folded(n)));
            }
        }
        Titles.byBook().values().forEach(titles -> titles.forEach(t -> right.add(Spellings.folded(t))));
        List<String> wrong = new ArrayList<>();
        for (Spellings.Book book : Spellings.all()) {
            for (String misspelling : concat(book.englishMisspellings(), book.spanishMisspellings())) {
                String folded = Spellings.folded(misspelling);
                // a beginning of a right name, of this book or another, is an abbreviation
                right.stream().filter(name -> name.startsWith(folded))
                        .forEach(name -> wrong.add(misspelling + " (" + book.osis() + ") begins " + name));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void asksForNoVerseBeyondItsChapter() {
        Versification kjva = Versification.named("KJVA").orElseThrow();
        List<String> invalid = new ArrayList<>();
        for (Case c : CASES) {
            if (!c.isReference()) continue;
            for (String part : c.expectedOsis().split(",")) {
                try {
                    OsisRange range = OsisRange.parse(part);
                    // OsisRange.verses checks every chapter and verse against the numbering; a
                    // psalm title (verse 0) is checked by its chapter alone
                    boolean title = range.granularity() == Granularity.VERSE && range.start().verse() == 0;
                    if (title) OsisRange.ofChapter(range.start().book(), range.start().chapter()).verses(kjva);
                    else range.verses(kjva);
                } catch (RuntimeException e) {
                    invalid.add(c.input() + " → " + part + ": " + e.getMessage());
                }
            }
        }
        assertThat(invalid).isEmpty();
    }

    @Test
    void writesRomanNumerals() {
        assertThat(NotationCases.roman(4)).isEqualTo("IV");
        assertThat(NotationCases.roman(14)).isEqualTo("XIV");
        assertThat(NotationCases.roman(49)).isEqualTo("XLIX");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
