package org.gospelib.platform;

/**
 * The version of the corpus being served, for the cross-cutting HTTP machinery that must know
 * when answers derived from it go stale. Implemented by the module that holds the corpus; absent
 * in a process that serves none.
 */
public interface CorpusVersion {

    /** The version answers are being derived from now; 0 before the first corpus is loaded. */
    long current();

    /**
     * Whether a newer corpus is being loaded beside the one served: answers of the current version
     * are about to go stale, and the memory that caches of them hold is what the load needs.
     */
    default boolean loading() {
        return false;
    }
}
