package org.gospelib.search.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.gospelib.content.TranslationVerse;
import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/** The fields of a verse document. Only the reading text and its Strong's numbers are indexed. */
final class IndexFields {

    static final String OSIS = "osis";
    static final String BOOK = "book";
    static final String BOOK_ORDER = "bookOrder";
    static final String CHAPTER = "chapter";
    static final String VERSE = "verse";
    static final String TESTAMENT = "testament";
    static final String ORDINAL = "ordinal";
    static final String TEXT = SearchQueryParser.TEXT;
    static final String STRONGS = SearchQueryParser.STRONGS;
    static final String VECTOR = "vector";

    private static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
    }

    private IndexFields() {
    }

    static Set<String> strongs(TranslationVerse verse) {
        Set<String> numbers = new LinkedHashSet<>();
        for (Segment segment : verse.content().segments()) numbers.addAll(segment.strongs());
        return numbers;
    }

    static Document document(TranslationVerse verse, float[] vector) {
        Versification kjv = Versification.kjv();
        VerseRef ref = verse.kjvRef();
        Document doc = new Document();
        doc.add(new StringField(OSIS, ref.osis(), Field.Store.YES));
        doc.add(new StringField(BOOK, ref.book(), Field.Store.NO));
        doc.add(new NumericDocValuesField(BOOK_ORDER, kjv.bookOrder(ref.book())));
        doc.add(new IntPoint(CHAPTER, ref.chapter()));
        doc.add(new StoredField(CHAPTER, ref.chapter()));
        doc.add(new IntPoint(VERSE, ref.verse()));
        doc.add(new StoredField(VERSE, ref.verse()));
        String testament = kjv.book(ref.book()).map(BookLayout::testament).map(Enum::name).orElse("OT");
        doc.add(new StringField(TESTAMENT, testament, Field.Store.NO));
        int ordinal = kjv.ordinal(ref);
        doc.add(new IntPoint(ORDINAL, ordinal));
        doc.add(new NumericDocValuesField(ORDINAL, ordinal));
        doc.add(new StoredField(ORDINAL, ordinal));
        doc.add(new Field(TEXT, verse.content().text(), TEXT_TYPE));
        for (String number : strongs(verse)) doc.add(new StringField(STRONGS, number, Field.Store.NO));
        if (vector != null) doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }
}
