package org.gospelib.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A piece of background work that must not die silently: run on a thread of its own whenever
 * {@link #request()}ed (requests made while it runs are folded into one more run), and when it
 * fails, logged, counted ({@code gospelib.background.failures{task}}) and tried again after a
 * backoff that doubles from {@code firstDelay} up to {@code maxDelay}, for as long as it fails.
 * {@link #details()} tells the health endpoint how it stands. An {@link OutOfMemoryError} is not
 * caught: the JVM is started with {@code -XX:+ExitOnOutOfMemoryError}, so the process ends and its
 * supervisor starts it again.
 */
public final class BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final String name;
    private final Runnable work;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final Counter failuresCounter;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile String lastError = "";
    private volatile Instant lastFailureAt = Instant.EPOCH;
    private volatile Instant nextAttemptAt = Instant.EPOCH;
    private volatile Instant lastSuccessAt = Instant.EPOCH;
    private volatile boolean stopped;

    public BackgroundWork(String name, Runnable work, Duration firstDelay, Duration maxDelay, MeterRegistry meters) {
        this(name, work, firstDelay, maxDelay, meters, Clock.systemUTC());
    }

    BackgroundWork(String name, Runnable work, Duration firstDelay, Duration maxDelay, MeterRegistry meters, Clock clock) {
        this.name = name;
        this.work = work;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
        this.failuresCounter = Counter.builder("gospelib.background.failures").tag("task", name)
                .description("failed runs of background work (each is retried with backoff)").register(meters);
        Gauge.builder("gospelib.background.failing", consecutiveFailures, AtomicInteger::get).tag("task", name)
                .description("consecutive failed runs of background work; 0 when its last run succeeded").register(meters);
    }

    /** Asks for a run: starts one now unless one is running, which will then run once more. */
    public void request() {
        if (stopped) return;
        pending.set(true);
        Thread.ofPlatform().daemon().name(name).start(this::drain);
    }

    /** No further runs; a run in progress is waited for, up to {@code timeout}. */
    public void stop(Duration timeout) throws InterruptedException {
        stopped = true;
        if (running.tryLock(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) running.unlock();
    }

    /** True while the last run failed and a retry is due. */
    public boolean failing() {
        return consecutiveFailures.get() > 0;
    }

    /** For health details: how the work stands, without nulls. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("running", running.isLocked());
        details.put("consecutiveFailures", consecutiveFailures.get());
        if (!lastSuccessAt.equals(Instant.EPOCH)) details.put("lastSuccessAt", lastSuccessAt.toString());
        if (failing()) {
            details.put("lastError", lastError);
            details.put("lastFailureAt", lastFailureAt.toString());
            details.put("nextAttemptAt", nextAttemptAt.toString());
        }
        return details;
    }

    private void drain() {
        while (pending.get() && !stopped) {
            if (!running.tryLock()) return;
            try {
                while (pending.getAndSet(false) && !stopped) runOnce();
            } finally {
                running.unlock();
            }
        }
    }

    /** One run on the calling thread, as the background thread makes it (for tests). */
    void runNow() {
        runOnce();
    }

    private void runOnce() {
        try {
            work.run();
            consecutiveFailures.set(0);
            lastError = "";
            lastSuccessAt = clock.instant();
        } catch (CancellationException e) {
            log.info("{}: stopped: {}", name, e.getMessage());
        } catch (RuntimeException | Error e) {
            if (e instanceof OutOfMemoryError || e instanceof InternalError) throw e;
            int failures = consecutiveFailures.incrementAndGet();
            failuresCounter.increment();
            Duration delay = backoff(failures);
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            lastFailureAt = clock.instant();
            nextAttemptAt = lastFailureAt.plus(delay);
            log.error("{}: failed ({} in a row); trying again in {} s", name, failures, delay.toSeconds(), e);
            retryAfter(delay);
        }
    }

    Duration backoff(int failures) {
        long factor = 1L << Math.min(20, failures - 1);
        Duration delay = firstDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private void retryAfter(Duration delay) {
        Thread.ofVirtual().name(name + "-retry").start(() -> {
            try {
                Thread.sleep(delay);
                request();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
