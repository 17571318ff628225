package org.gospelib.search.internal;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chain of each language. No stop words are removed: the Bible is searched for
 * phrases such as "I am that I am", where every word counts. Accents are folded so that
 * {@code jesus} finds "Jesús"; English is Porter-stemmed, Spanish light-stemmed. Bump
 * {@link #VERSION} whenever a chain changes: it is part of every index's fingerprint.
 */
final class Analyzers {

    static final int VERSION = 1;

    private Analyzers() {
    }

    static Analyzer forLanguage(String language) {
        String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
        return lang.startsWith("es") ? new Spanish() : new English();
    }

    private abstract static class Folding extends Analyzer {
        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    static final class English extends Folding {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }

    static final class Spanish extends Folding {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new SpanishLightStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }
}
