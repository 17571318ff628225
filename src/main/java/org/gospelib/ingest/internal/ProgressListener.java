package org.gospelib.ingest.internal;

/** Hears how far ingest has come, to show progress on a terminal. */
interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    default void reading(String module, int done, int total) {
    }

    default void stored(String translation, int done, int total) {
    }

    default void message(String text) {
    }
}
