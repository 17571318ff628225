package org.gospelib.search;

/** Searches the verses of a translation by words, by meaning, or both. */
public interface VerseSearch {

    /**
     * One page of results.
     *
     * @throws org.gospelib.platform.ProblemException for a request it cannot run (bad field, unknown
     *         translation, stale cursor) or while the index is still being built
     */
    SearchResults search(SearchRequest request);
}
