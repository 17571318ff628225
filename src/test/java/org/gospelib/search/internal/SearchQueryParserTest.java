package org.gospelib.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.gospelib.platform.ProblemException;
import org.junit.jupiter.api.Test;

class SearchQueryParserTest {

    final SearchQueryParser english = new SearchQueryParser(Analyzers.forLanguage("en"));
    final SearchQueryParser spanish = new SearchQueryParser(Analyzers.forLanguage("es"));

    String parse(String q) {
        return english.parse(q, false).query().toString();
    }

    @Test
    void wordsAreAllRequiredAndStemmed() {
        assertThat(parse("loved world")).isEqualTo("+text:love +text:world");
        assertThat(english.parse("loved", false).query()).isInstanceOf(TermQuery.class);
    }

    @Test
    void readsPhrasesOperatorsAndGroups() {
        assertThat(english.parse("\"so loved the world\"", false).query()).isInstanceOf(PhraseQuery.class);
        assertThat(parse("faith OR hope")).isEqualTo("text:faith text:hope");
        assertThat(parse("faith AND hope")).isEqualTo("+text:faith +text:hope");
        assertThat(parse("faith NOT hope")).isEqualTo("+text:faith -text:hope");
        assertThat(parse("faith -hope")).isEqualTo("+text:faith -text:hope");
        assertThat(parse("+faith (hope OR charity)")).isEqualTo("+text:faith +(text:hope text:chariti)");
        assertThat(parse("-hope")).isEqualTo("+*:* -text:hope");
    }

    @Test
    void readsPrefixesFuzzyTermsAndStrongs() {
        assertThat(english.parse("lov*", false).query()).isInstanceOf(PrefixQuery.class);
        assertThat(english.parse("beleive~", false).query()).isInstanceOf(FuzzyQuery.class);
        assertThat(english.parse("beleive", true).query()).isInstanceOf(BooleanQuery.class);
        assertThat(english.parse("love", true).query()).isInstanceOf(TermQuery.class);
        assertThat(parse("H0430")).isEqualTo("strongs:H430");
        assertThat(english.parse("g26 love", false).strongs()).containsExactly("G26");
        assertThat(SearchQueryParser.strongsNumber("h00430")).isEqualTo("H430");
        assertThat(SearchQueryParser.strongsNumber("Hebrew")).isNull();
    }

    @Test
    void foldsSpanishAccents() {
        assertThat(spanish.parse("Jesús", false).query().toString())
                .isEqualTo(spanish.parse("jesus", false).query().toString());
    }

    @Test
    void rejectsWhatItCannotOrWillNotRun() {
        assertType(() -> english.parse("\"open", false), "invalid-query");
        assertType(() -> english.parse("(open", false), "invalid-query");
        assertType(() -> english.parse("open)", false), "invalid-query");
        assertType(() -> english.parse("!! ...", false), "invalid-query");
        assertType(() -> english.parse("*ove", false), "too-expensive");
        assertType(() -> english.parse("l*", false), "too-expensive");
        assertType(() -> english.parse("x".repeat(501), false), "query-too-long");
        assertType(() -> english.parse("ab* bc* cd* de* ef* fg* gh* hi* ij* jk* kl*", false), "too-expensive");
        assertType(() -> english.parse("a ".repeat(40), false), "too-expensive");
        assertType(() -> english.parse("(".repeat(20) + "a" + ")".repeat(20), false), "too-expensive");
    }

    static void assertType(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(type));
    }
}
