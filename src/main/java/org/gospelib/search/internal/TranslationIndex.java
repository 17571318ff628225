package org.gospelib.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.gospelib.content.TranslationInfo;

/**
 * The open index of one translation. Reference-counted: a search {@link #acquire()}s it and
 * {@link #release()}s it, and the reader closes when it has been swapped out and the last search
 * using it is done.
 */
final class TranslationIndex {

    final TranslationInfo info;
    final String fingerprint;
    final boolean semantic;
    final Path path;
    final Analyzer analyzer;
    final int docs;
    final long buildMillis;
    private final Directory directory;
    private final DirectoryReader reader;
    final IndexSearcher searcher;

    TranslationIndex(TranslationInfo info, String fingerprint, boolean semantic, Path path, Directory directory,
            DirectoryReader reader, long buildMillis) {
        this.info = info;
        this.fingerprint = fingerprint;
        this.semantic = semantic;
        this.path = path;
        this.analyzer = Analyzers.forLanguage(info.language());
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.docs = reader.numDocs();
        this.buildMillis = buildMillis;
    }

    /** Identifies the index in cursors and ETags. */
    String key() {
        return fingerprint + (semantic ? "s" : "l");
    }

    boolean acquire() {
        return reader.tryIncRef();
    }

    void release() {
        try {
            reader.decRef();
            if (reader.getRefCount() == 0) directory.close();
        } catch (IOException e) {
            // closing a read-only index cannot lose anything
        }
    }
}
