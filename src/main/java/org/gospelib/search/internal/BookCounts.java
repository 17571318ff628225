package org.gospelib.search.internal;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** Counts every match per book (by the book's canonical position), without scoring. */
final class BookCounts implements Collector {

    static final int SLOTS = 256;

    final int[] counts = new int[SLOTS];

    static final CollectorManager<BookCounts, int[]> MANAGER = new CollectorManager<>() {
        @Override
        public BookCounts newCollector() {
            return new BookCounts();
        }

        @Override
        public int[] reduce(Collection<BookCounts> collectors) {
            int[] total = new int[SLOTS];
            for (BookCounts c : collectors) for (int i = 0; i < SLOTS; i++) total[i] += c.counts[i];
            return total;
        }
    };

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        NumericDocValues books = DocValues.getNumeric(context.reader(), IndexFields.BOOK_ORDER);
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                if (books.advanceExact(doc)) {
                    long book = books.longValue();
                    if (book >= 0 && book < SLOTS) counts[(int) book]++;
                }
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
