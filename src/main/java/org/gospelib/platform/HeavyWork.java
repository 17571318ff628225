package org.gospelib.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps cheap requests fast while expensive ones run. Every request has a virtual thread, so
 * sixteen clients asking for whole books at once would otherwise share the cores with the reader
 * who wants one verse, and that reader would wait behind them. Work a handler knows to be large
 * (a long passage in several translations, the commentary on many chapters) runs only with one
 * of a few permits: one fewer than the cores, at least one. Virtual threads are not preempted, so
 * a large answer being built holds its carrier thread (a core) until it is done; leaving one core
 * to everything else is what keeps a small request from waiting behind them. Further large
 * requests queue (fairly, first come first served) for up to {@link #MAX_WAIT}, then get 503 with
 * {@code Retry-After}. Small requests never take a permit.
 */
@Component
public class HeavyWork {

    static final Duration MAX_WAIT = Duration.ofSeconds(20);

    private final Semaphore permits;
    private final int size;

    /**
     * @param permits {@code gospelib.heavy-work.permits}: how many large answers are built at once;
     *                0 (the default) for one fewer than the cores, at least one
     */
    public HeavyWork(@Value("${gospelib.heavy-work.permits:0}") int permits, MeterRegistry meters) {
        this.size = permits > 0 ? permits : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.permits = new Semaphore(size, true);
        meters.gauge("gospelib.heavy.running", this.permits, p -> size - p.availablePermits());
        meters.gauge("gospelib.heavy.waiting", this.permits, Semaphore::getQueueLength);
    }

    /** Runs {@code work} once a permit is free. */
    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) throw busy();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private static ProblemException busy() {
        return new ProblemException("busy", "Too busy for a large request", 503,
                "other large requests are being answered; retry shortly, or ask for less at once",
                Map.of("retryAfterSeconds", 5));
    }
}
