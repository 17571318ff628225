package org.gospelib.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.gospelib.platform.ProblemException;
import org.gospelib.scripture.StrongsNumber;

/**
 * Turns the query language of {@code /v1/search} into a Lucene query. Deliberately small and
 * forgiving, and our own rather than Lucene's classic parser so that no field syntax, regular
 * expression or range can sneak in and every failure is one of our problems:
 * <ul>
 * <li>words, all required: {@code love neighbour}</li>
 * <li>phrases: {@code "so loved the world"}</li>
 * <li>{@code OR}, {@code AND}, {@code NOT}, {@code +word}, {@code -word}, parentheses</li>
 * <li>prefixes and wildcards: {@code lov*}, {@code l?ve} (never leading)</li>
 * <li>typos: {@code beleive~}; {@link #parse(String, boolean)} with {@code fuzzy} makes every
 * word of five letters or more typo-tolerant</li>
 * <li>Strong's numbers: {@code H430}, {@code G0026}</li>
 * </ul>
 * It throws nothing but {@link ProblemException}.
 */
final class SearchQueryParser {

    /** Letters a word keeps when typo tolerance kicks in by itself. */
    static final int AUTOMATIC_TYPO_PREFIX = 2;

    static final int MAX_LENGTH = 500;
    static final int MAX_TERMS = 32;
    static final int MAX_EXPENSIVE = 10;
    static final int MAX_DEPTH = 8;
    static final int FUZZY_MIN_LENGTH = 5;

    static final String TEXT = "text";
    static final String STRONGS = "strongs";

    private static final Pattern FUZZY_SUFFIX = Pattern.compile("~([012])?$");

    private final Analyzer analyzer;

    SearchQueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A parsed query. */
    record Parsed(Query query, List<String> strongs, int plainTerms, String normalized) {
    }

    /** The normalised Strong's number of a token such as {@code h0430}, or null. */
    static String strongsNumber(String token) {
        return StrongsNumber.parse(token).map(StrongsNumber::id).orElse(null);
    }

    /** Checks the length of a query before anything else is done with it. */
    static String checkLength(String q) {
        if (q == null || q.isBlank()) throw SearchProblems.missingParameter("q");
        if (q.length() > MAX_LENGTH) throw SearchProblems.queryTooLong(q.length(), MAX_LENGTH);
        return q.strip();
    }

    Parsed parse(String q, boolean fuzzy) {
        return parse(q, fuzzy, false);
    }

    /**
     * @param fuzzy     make every plain word of {@value #FUZZY_MIN_LENGTH} letters or more typo-tolerant
     * @param anyWord   words not joined by an operator need not all match (for hybrid ranking)
     */
    Parsed parse(String q, boolean fuzzy, boolean anyWord) {
        String text = checkLength(q);
        List<Token> tokens = lex(text);
        State state = new State(tokens, fuzzy, anyWord);
        Clause clause = state.or(0);
        if (state.pos < tokens.size()) throw SearchProblems.invalidQuery("unbalanced parenthesis: unexpected ')'");
        if (clause == null) throw SearchProblems.invalidQuery("the query has nothing to search for");
        Query query = clause.negated ? negate(clause.query) : clause.query;
        StringBuilder normalized = new StringBuilder();
        for (Token t : tokens) normalized.append(t.kind).append(t.text).append(' ');
        return new Parsed(query, List.copyOf(state.strongs), state.plain, normalized.toString().strip());
    }

    // ---- lexing

    enum Kind { WORD, PHRASE, OPEN, CLOSE, AND, OR, NOT, PLUS, MINUS }

    record Token(Kind kind, String text) {
    }

    static List<Token> lex(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '“' || c == '”') {
                int end = i + 1;
                while (end < n && !isQuote(text.charAt(end))) end++;
                if (end >= n) throw SearchProblems.invalidQuery("unbalanced quotes");
                tokens.add(new Token(Kind.PHRASE, text.substring(i + 1, end)));
                i = end + 1;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "("));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")"));
                i++;
            } else if ((c == '+' || c == '-') && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                tokens.add(new Token(c == '+' ? Kind.PLUS : Kind.MINUS, String.valueOf(c)));
                i++;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end)) && "\"“”()".indexOf(text.charAt(end)) < 0) end++;
                String word = text.substring(i, end);
                switch (word) {
                    case "AND", "&&" -> tokens.add(new Token(Kind.AND, word));
                    case "OR", "||" -> tokens.add(new Token(Kind.OR, word));
                    case "NOT" -> tokens.add(new Token(Kind.NOT, word));
                    default -> tokens.add(new Token(Kind.WORD, word));
                }
                i = end;
            }
        }
        return tokens;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”';
    }

    // ---- parsing

    private record Clause(Query query, boolean negated) {
    }

    private final class State {
        final List<Token> tokens;
        final boolean fuzzy;
        final boolean anyWord;
        int pos;
        int terms;
        int expensive;
        int plain;
        final Set<String> strongs = new LinkedHashSet<>();

        State(List<Token> tokens, boolean fuzzy, boolean anyWord) {
            this.tokens = tokens;
            this.fuzzy = fuzzy;
            this.anyWord = anyWord;
        }

        Token peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        Clause or(int depth) {
            if (depth > MAX_DEPTH) throw SearchProblems.tooExpensive("parentheses nest deeper than " + MAX_DEPTH);
            List<Clause> alternatives = new ArrayList<>();
            Clause first = and(depth);
            if (first != null) alternatives.add(first);
            while (peek() != null && peek().kind == Kind.OR) {
                pos++;
                Clause next = and(depth);
                if (next != null) alternatives.add(next);
            }
            if (alternatives.isEmpty()) return null;
            if (alternatives.size() == 1) return alternatives.getFirst();
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Clause c : alternatives) b.add(c.negated ? negate(c.query) : c.query, Occur.SHOULD);
            return new Clause(b.build(), false);
        }

        Clause and(int depth) {
            List<Clause> parts = new ArrayList<>();
            while (true) {
                Token t = peek();
                if (t == null || t.kind == Kind.OR || t.kind == Kind.CLOSE) break;
                if (t.kind == Kind.AND) {
                    pos++;
                    continue;
                }
                Clause c = unary(depth);
                if (c != null) parts.add(c);
            }
            if (parts.isEmpty()) return null;
            if (parts.size() == 1) return parts.getFirst();
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean positive = false;
            for (Clause c : parts) {
                b.add(c.query, c.negated ? Occur.MUST_NOT : anyWord ? Occur.SHOULD : Occur.MUST);
                positive |= !c.negated;
            }
            if (anyWord && positive) b.setMinimumNumberShouldMatch(1);
            if (!positive) b.add(new MatchAllDocsQuery(), Occur.MUST);
            return new Clause(b.build(), false);
        }

        Clause unary(int depth) {
            Token t = tokens.get(pos);
            switch (t.kind) {
                case NOT, MINUS -> {
                    pos++;
                    if (peek() == null) return null;
                    Clause inner = unary(depth);
                    return inner == null ? null : new Clause(inner.query, !inner.negated);
                }
                case PLUS -> {
                    pos++;
                    if (peek() == null) return null;
                    return unary(depth);
                }
                case OPEN -> {
                    pos++;
                    Clause inner = or(depth + 1);
                    if (peek() == null || peek().kind != Kind.CLOSE) {
                        throw SearchProblems.invalidQuery("unbalanced parenthesis: missing ')'");
                    }
                    pos++;
                    return inner;
                }
                case PHRASE -> {
                    pos++;
                    Query q = phrase(t.text);
                    return q == null ? null : new Clause(q, false);
                }
                case WORD -> {
                    pos++;
                    Query q = word(t.text);
                    return q == null ? null : new Clause(q, false);
                }
                default -> {
                    // a stray operator where a word belongs ("AND" at the start): skip it
                    pos++;
                    return null;
                }
            }
        }

        Query phrase(String text) {
            List<Positioned> tokens = analyze(text);
            countTerms(tokens.size());
            if (tokens.isEmpty()) return null;
            if (tokens.size() == 1) return new TermQuery(new Term(TEXT, tokens.getFirst().term));
            PhraseQuery.Builder b = new PhraseQuery.Builder();
            for (Positioned p : tokens) b.add(new Term(TEXT, p.term), p.position);
            return b.build();
        }

        Query word(String word) {
            String strong = strongsNumber(word);
            if (strong != null) {
                countTerms(1);
                strongs.add(strong);
                return new TermQuery(new Term(STRONGS, strong));
            }
            char first = word.charAt(0);
            if (first == '*' || first == '?') {
                throw SearchProblems.tooExpensive("a wildcard may not start a word: '" + word + "'");
            }
            Matcher fuzzyMark = FUZZY_SUFFIX.matcher(word);
            if (fuzzyMark.find() && fuzzyMark.start() > 0) {
                String base = word.substring(0, fuzzyMark.start());
                int edits = fuzzyMark.group(1) == null ? 2 : Integer.parseInt(fuzzyMark.group(1));
                if (base.indexOf('*') < 0 && base.indexOf('?') < 0) {
                    List<Positioned> tokens = analyze(base);
                    if (tokens.size() == 1) {
                        countTerms(1);
                        expensive();
                        return new FuzzyQuery(new Term(TEXT, tokens.getFirst().term), edits, 1, 50, true);
                    }
                    return phrase(base);
                }
                word = base;
            }
            if (word.indexOf('*') >= 0 || word.indexOf('?') >= 0) {
                String normalized = analyzer.normalize(TEXT, word).utf8ToString();
                String stripped = normalized.replaceAll("[^\\p{L}\\p{N}*?]", "");
                if (stripped.isEmpty() || stripped.charAt(0) == '*' || stripped.charAt(0) == '?') {
                    throw SearchProblems.tooExpensive("a wildcard may not start a word: '" + word + "'");
                }
                int literal = stripped.replaceAll("[*?]", "").length();
                if (literal < 2) throw SearchProblems.tooExpensive("a wildcard needs at least two letters before it");
                countTerms(1);
                expensive();
                int star = stripped.indexOf('*');
                if (star == stripped.length() - 1 && stripped.indexOf('?') < 0) {
                    return new PrefixQuery(new Term(TEXT, stripped.substring(0, star)));
                }
                return new WildcardQuery(new Term(TEXT, stripped));
            }
            List<Positioned> tokens = analyze(word);
            if (tokens.isEmpty()) return null;
            if (tokens.size() > 1) return phrase(word);
            countTerms(1);
            plain++;
            Term term = new Term(TEXT, tokens.getFirst().term);
            String letters = word.replaceAll("[^\\p{L}]", "");
            if (fuzzy && letters.length() >= FUZZY_MIN_LENGTH) {
                // One edit (a transposition counts as one) catches most typos; two edits cost an
                // automaton many times larger, paid on every query that finds little. Typos rarely
                // touch the first two letters, so those stay fixed. "term~2" still asks for two.
                return new BooleanQuery.Builder()
                        .add(new BoostQuery(new TermQuery(term), 2f), Occur.SHOULD)
                        .add(new FuzzyQuery(term, 1, AUTOMATIC_TYPO_PREFIX, 50, true), Occur.SHOULD)
                        .build();
            }
            return new TermQuery(term);
        }

        void countTerms(int n) {
            terms += n;
            if (terms > MAX_TERMS) throw SearchProblems.tooExpensive("the query has more than " + MAX_TERMS + " terms");
        }

        void expensive() {
            if (++expensive > MAX_EXPENSIVE) {
                throw SearchProblems.tooExpensive("the query has more than " + MAX_EXPENSIVE + " wildcard or fuzzy terms");
            }
        }
    }

    private record Positioned(String term, int position) {
    }

    private List<Positioned> analyze(String text) {
        List<Positioned> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += inc.getPositionIncrement();
                out.add(new Positioned(term.toString(), Math.max(position, 0)));
                if (out.size() > MAX_TERMS) throw SearchProblems.tooExpensive("the query has more than " + MAX_TERMS + " terms");
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Query negate(Query query) {
        return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST).add(query, Occur.MUST_NOT).build();
    }
}
