package org.gospelib.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Lucene doing what the PostgreSQL baseline does and no more: parse the query, rank, read the
 * first verses' references and texts; optionally also count the matches per book (the facets of
 * a search answer). No highlighting, no typo-tolerant retry. Isolates the engine's cost from the
 * rest of {@link SearchService}.
 */
final class LuceneTopTen {

    private final SearchIndexes indexes;
    private final String translation;
    private final boolean facets;

    LuceneTopTen(SearchIndexes indexes, String translation, boolean facets) {
        this.indexes = indexes;
        this.translation = translation;
        this.facets = facets;
    }

    List<String> search(String q, int limit) {
        TranslationIndex index = indexes.acquire(translation);
        try {
            IndexSearcher searcher = index.searcher;
            Query query = new SearchQueryParser(index.analyzer).parse(q, false).query();
            if (facets) searcher.search(query, BookCounts.MANAGER);
            ScoreDoc[] top = searcher.search(query, limit).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<String> osis = new ArrayList<>(top.length);
            for (ScoreDoc sd : top) {
                var doc = stored.document(sd.doc);
                doc.get(IndexFields.TEXT); // the text is part of the answer, as it is for PostgreSQL
                osis.add(doc.get(IndexFields.OSIS));
            }
            return osis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release();
        }
    }
}
