package org.gospelib.platform;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The background builds that hold corpus-sized data beside the corpus being served — loading a
 * new corpus snapshot, building one translation's search index — take turns: each alone fits in
 * the heap a collapsed process is given, two at once do not. A build waits for the one running,
 * in the order they asked; answering requests never waits here.
 */
public final class CorpusBuilds {

    private final Semaphore turn = new Semaphore(1, true);

    /** Runs {@code build} when no other corpus build runs, and returns what it made. */
    public <T> T oneAtATime(Supplier<T> build) {
        turn.acquireUninterruptibly();
        try {
            return build.get();
        } finally {
            turn.release();
        }
    }
}
