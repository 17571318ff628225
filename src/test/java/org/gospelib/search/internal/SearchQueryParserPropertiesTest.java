package org.gospelib.search.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gospelib.platform.ProblemException;

/** Whatever a client types, the parser answers with a query or one of our problems, never anything else. */
class SearchQueryParserPropertiesTest {

    final SearchQueryParser english = new SearchQueryParser(Analyzers.forLanguage("en"));
    final SearchQueryParser spanish = new SearchQueryParser(Analyzers.forLanguage("es"));

    @Property(tries = 2000)
    void anyStringYieldsAQueryOrAProblem(@ForAll("queries") String q) {
        for (SearchQueryParser parser : new SearchQueryParser[] {english, spanish}) {
            for (boolean fuzzy : new boolean[] {false, true}) {
                try {
                    parser.parse(q, fuzzy, fuzzy);
                } catch (ProblemException e) {
                    if (e.status() != 400) throw new AssertionError("status " + e.status() + " for " + q);
                }
            }
        }
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> tokens = Arbitraries.of("love", "\"", "(", ")", "AND", "OR", "NOT", "-", "+", "*", "?", "~", "~1",
                "H430", "g0026", "lov*", "*ove", "l?ve", "beleive~", "Jesús", "&&", "||", ":", "3:16", "“", "”", " ", "'", "é");
        Arbitrary<String> structured = tokens.list().ofMaxSize(40).map(l -> String.join(" ", l));
        Arbitrary<String> glued = tokens.list().ofMaxSize(40).map(l -> String.join("", l));
        return Arbitraries.oneOf(structured, glued, Arbitraries.strings().ofMaxLength(600));
    }
}
