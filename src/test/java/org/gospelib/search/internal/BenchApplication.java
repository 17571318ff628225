package org.gospelib.search.internal;

import java.util.concurrent.TimeUnit;
import org.gospelib.GospelibApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real application for a search benchmark (no web server, data in
 * {@code target/bench-data}, ingesting the corpus if the database is empty) and waits for the
 * search indexes it needs.
 */
final class BenchApplication {

    private BenchApplication() {
    }

    static ConfigurableApplicationContext start(String logName, boolean semantic) {
        return new SpringApplicationBuilder(GospelibApplication.class).web(WebApplicationType.NONE)
                .run("--gospelib.data-dir=target/bench-data", "--gospelib.ingest.on-start=if-empty",
                        "--gospelib.search.semantic.enabled=" + semantic, "--logging.level.root=warn",
                        "--logging.level.org.gospelib.search=info",
                        "--logging.file.name=target/bench-data/logs/" + logName + ".log");
    }

    /** Waits until the translation has an index, with vectors if asked; fails after the timeout. */
    static void awaitIndex(ConfigurableApplicationContext context, String translation, boolean semantic, long minutes)
            throws InterruptedException {
        SearchIndexes indexes = context.getBean(SearchIndexes.class);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(minutes);
        while (System.nanoTime() < deadline) {
            TranslationIndex index = indexes.acquire(translation);
            if (index != null) {
                try {
                    if (!semantic || index.semantic) {
                        System.err.printf("%s %s index ready after %.1f s of waiting%n", translation,
                                semantic ? "semantic" : "lexical", (System.nanoTime() - start) / 1e9);
                        return;
                    }
                } finally {
                    index.release();
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no " + (semantic ? "semantic " : "") + "index of " + translation + " after "
                + minutes + " minutes");
    }
}
