package org.gospelib.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A search, read and typed. The query's own syntax, the translation, the range and the cursor are
 * checked by {@link VerseSearch}, which knows the corpus and its indexes; everything else is
 * checked here, so a request that exists is well formed.
 *
 * @param q           the query, as typed
 * @param translation a translation id; absent: the first translation
 * @param mode        how verses are ranked
 * @param books       only verses of these books (OSIS ids, in the order given, no repeats); empty: every book
 * @param testament   only verses of one testament
 * @param range       only verses in this reference range, as typed ({@code Rom 5-8})
 * @param order       best first, or in canonical order
 * @param limit       hits per page, 1 to {@value #MAX_LIMIT}
 * @param cursor      the previous page's {@code nextCursor}
 */
public record SearchRequest(String q, Optional<String> translation, Mode mode, List<String> books, Optional<Testament> testament,
        Optional<String> range, Order order, int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Every book of the canon, named once: more is a mistake, not a filter. */
    public static final int MAX_BOOKS = 66;

    /** How verses are ranked. */
    public enum Mode {
        /** By the words of the query (BM25). */
        LEXICAL,
        /** By meaning: the nearest verses to the query's sentence embedding. */
        SEMANTIC,
        /** Both rankings fused by reciprocal rank. */
        HYBRID;

        /** The name in URLs and answers. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Mode> of(String id) {
            return Optional.ofNullable(FormValues.find(Mode.class, id));
        }
    }

    /** The order of the hits. */
    public enum Order {
        RELEVANCE, CANONICAL;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Order> of(String id) {
            return Optional.ofNullable(FormValues.find(Order.class, id));
        }
    }

    /** One of the two testaments. */
    public enum Testament {
        OT, NT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Testament> of(String id) {
            return Optional.ofNullable(FormValues.find(Testament.class, id));
        }
    }

    public SearchRequest {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(testament, "testament");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(cursor, "cursor");
        books = List.copyOf(new LinkedHashSet<>(books));
        if (books.size() > MAX_BOOKS) throw new IllegalArgumentException("at most " + MAX_BOOKS + " books");
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }

    /** A search for {@code q} by its words, every other field at its default. */
    public static SearchRequest of(String q) {
        return new SearchRequest(q, Optional.empty(), Mode.LEXICAL, List.of(), Optional.empty(), Optional.empty(),
                Order.RELEVANCE, DEFAULT_LIMIT, Optional.empty());
    }

    public SearchRequest in(String translationId) {
        return new SearchRequest(q, Optional.of(translationId), mode, books, testament, range, order, limit, cursor);
    }

    public SearchRequest by(Mode ranking) {
        return new SearchRequest(q, translation, ranking, books, testament, range, order, limit, cursor);
    }

    public SearchRequest inBooks(List<String> osisIds) {
        return new SearchRequest(q, translation, mode, osisIds, testament, range, order, limit, cursor);
    }

    public SearchRequest inTestament(Optional<Testament> only) {
        return new SearchRequest(q, translation, mode, books, only, range, order, limit, cursor);
    }

    public SearchRequest inRange(String reference) {
        return new SearchRequest(q, translation, mode, books, testament, Optional.of(reference), order, limit, cursor);
    }

    public SearchRequest ordered(Order by) {
        return new SearchRequest(q, translation, mode, books, testament, range, by, limit, cursor);
    }

    public SearchRequest limit(int hits) {
        return new SearchRequest(q, translation, mode, books, testament, range, order, hits, cursor);
    }

    public SearchRequest after(Optional<String> previousCursor) {
        return new SearchRequest(q, translation, mode, books, testament, range, order, limit, previousCursor);
    }

    /** Enum constants read from a form field: case and surrounding space do not matter. */
    private static final class FormValues {
        static <E extends Enum<E>> E find(Class<E> type, String id) {
            if (id == null) return null;
            String wanted = id.strip();
            for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(wanted)) return e;
            return null;
        }
    }
}
