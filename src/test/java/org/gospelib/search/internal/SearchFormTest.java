package org.gospelib.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gospelib.platform.ProblemException;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.Versification;
import org.gospelib.search.SearchRequest;
import org.junit.jupiter.api.Test;

/** The search form read into a typed request: what readers type, and the request sent on to another process. */
class SearchFormTest {

    private static final List<String> OSIS_BOOKS = Versification.kjv().books().stream().map(BookLayout::osisId).toList();

    @Property(tries = 300)
    void aRequestSentToAnotherProcessReadsBackAsTheSameRequest(@ForAll("requests") SearchRequest request) {
        assertThat(SearchForm.of(request).read()).isEqualTo(request);
    }

    @Property(tries = 1000)
    void anyFormIsReadOrRefusedWithAProblemNamingTheField(@ForAll("text") String mode, @ForAll("text") String book,
            @ForAll("text") String testament, @ForAll("text") String sort, @ForAll("text") String limit) {
        try {
            SearchRequest r = new SearchForm("love", "", mode, book, testament, "", sort, limit, "").read();
            assertThat(r.limit()).isBetween(1, SearchRequest.MAX_LIMIT);
            assertThat(r.books()).doesNotHaveDuplicates().allMatch(OSIS_BOOKS::contains);
        } catch (ProblemException e) {
            assertThat(e.type()).isEqualTo("invalid-filter");
            assertThat(e.properties().get("parameter")).isIn("mode", "book", "testament", "sort", "limit");
        }
    }

    @Test
    void whatReadersTypeIsRead() {
        SearchRequest r = new SearchForm("  love ", " web ", " Hybrid ", "Jn, 1 Co,John ,,Salmos", "NT", " Rom 5-8 ", "CANONICAL",
                " 7 ", "").read();
        assertThat(r.q()).isEqualTo("  love ");
        assertThat(r.translation()).contains("web");
        assertThat(r.mode()).isEqualTo(SearchRequest.Mode.HYBRID);
        assertThat(r.books()).containsExactly("John", "1Cor", "Ps");
        assertThat(r.testament()).contains(SearchRequest.Testament.NT);
        assertThat(r.range()).contains("Rom 5-8");
        assertThat(r.order()).isEqualTo(SearchRequest.Order.CANONICAL);
        assertThat(r.limit()).isEqualTo(7);
        assertThat(r.cursor()).isEmpty();
        SearchRequest defaults = new SearchForm(null, null, null, null, null, null, null, null, null).read();
        assertThat(defaults).isEqualTo(SearchRequest.of(""));
    }

    @Test
    void eachUnreadableFieldIsNamed() {
        assertRefused(new SearchForm("a", "", "fuzzy", "", "", "", "", "", ""), "mode");
        assertRefused(new SearchForm("a", "", "", "Hezekiah", "", "", "", "", ""), "book");
        assertRefused(new SearchForm("a", "", "", "", "apocrypha", "", "", "", ""), "testament");
        assertRefused(new SearchForm("a", "", "", "", "", "", "random", "", ""), "sort");
        for (String limit : List.of("0", "101", "-1", "ten", "1e2", "99999999999")) {
            assertRefused(new SearchForm("a", "", "", "", "", "", "", limit, ""), "limit");
        }
        assertThatThrownBy(() -> SearchRequest.of("a").limit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchRequest.of("a").inBooks(java.util.Collections.nCopies(67, "x").stream()
                .map(x -> x + Math.random()).toList())).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(SearchForm form, String parameter) {
        assertThatThrownBy(form::read).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.properties()).containsEntry("parameter", parameter);
        });
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("", " ", "lexical", "SEMANTIC", "hybrid ", "ot", "Nt", "canonical", "relevance", "John", "jn,ps",
                        "1 Co", "Song", "0", "1", "100", "101", " 20 ", "-5", "２０"));
    }

    @Provide
    Arbitrary<SearchRequest> requests() {
        Arbitrary<String> q = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<Optional<String>> translation = Arbitraries.of("KJV", "web", "RV1909").optional();
        Arbitrary<SearchRequest.Mode> mode = Arbitraries.of(SearchRequest.Mode.class);
        Arbitrary<List<String>> books = Arbitraries.of(OSIS_BOOKS).list().ofMaxSize(5).uniqueElements();
        Arbitrary<Optional<SearchRequest.Testament>> testament = Arbitraries.of(SearchRequest.Testament.class).optional();
        Arbitrary<Optional<String>> range = Arbitraries.of("Rom 5-8", "John 3:16", "Ps 23").optional();
        Arbitrary<SearchRequest.Order> order = Arbitraries.of(SearchRequest.Order.class);
        Arbitrary<Integer> limit = Arbitraries.integers().between(1, SearchRequest.MAX_LIMIT);
        Arbitrary<Optional<String>> cursor = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30).optional();
        return Combinators.combine(q, translation, mode, books, testament, range, order, limit)
                .flatAs((a, b, c, d, e, f, g, h) -> cursor.map(k -> new SearchRequest(a, b, c, d, e, f, g, h, k)));
    }
}
