package org.gospelib.scripture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gospelib.scripture.ReferenceParser;
import org.junit.jupiter.api.Test;

/**
 * Holds the parser to what the evaluation suite measures (./gospelib bench references prints the
 * table): at least 97 % of the suite's references read as expected, every category at least 90 %,
 * and not one ordinary phrase read as a reference.
 */
class ReferenceParserCoverageTest {

    @Test
    void readsWhatPeopleTypeAndNothingElse() {
        ReferenceParser parser = ReferenceParser.create();
        List<ReferenceEvaluation.Outcome> outcomes = ReferenceEvaluationSuite.cases().stream()
                .map(c -> ReferenceEvaluation.run(parser, c)).toList();
        assertThat(ReferenceEvaluation.coverage(outcomes)).isGreaterThanOrEqualTo(97.0);
        Map<String, List<ReferenceEvaluation.Outcome>> byCategory = outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.c().category()));
        byCategory.forEach((category, list) ->
                assertThat(ReferenceEvaluation.coverage(list)).as(category).isGreaterThanOrEqualTo(90.0));
        assertThat(byCategory.get("not-a-reference")).allSatisfy(o -> assertThat(o.correct()).as(o.c().input()).isTrue());
        assertThat(outcomes).noneSatisfy(o -> assertThat(o.got()).startsWith("crashed"));
    }
}
