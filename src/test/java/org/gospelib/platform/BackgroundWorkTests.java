package org.gospelib.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundWorkTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aFailedRunIsCountedShownAndTriedAgainUntilItSucceeds() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch succeeded = new CountDownLatch(1);
        BackgroundWork work = new BackgroundWork("flaky", () -> {
            if (runs.incrementAndGet() <= 3) throw new IllegalStateException("disk full, run " + runs.get());
            succeeded.countDown();
        }, Duration.ofMillis(20), Duration.ofMillis(80), meters);

        work.request();

        assertThat(succeeded.await(10, TimeUnit.SECONDS)).as("retried until it succeeded").isTrue();
        assertThat(runs.get()).isEqualTo(4);
        assertThat(meters.get("gospelib.background.failures").tag("task", "flaky").counter().count()).isEqualTo(3);
        awaitNotRunning(work);
        assertThat(work.failing()).isFalse();
        assertThat(meters.get("gospelib.background.failing").tag("task", "flaky").gauge().value()).isZero();
        assertThat(work.details()).containsEntry("consecutiveFailures", 0).containsKey("lastSuccessAt")
                .doesNotContainKey("lastError");
    }

    @Test
    void whileFailingTheDetailsSayWhyAndWhenItIsTriedNext() throws InterruptedException {
        CountDownLatch failed = new CountDownLatch(1);
        BackgroundWork work = new BackgroundWork("broken", () -> {
            failed.countDown();
            throw new IllegalStateException("index directory not writable");
        }, Duration.ofHours(1), Duration.ofHours(2), meters);

        work.request();

        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        awaitNotRunning(work);
        assertThat(work.failing()).isTrue();
        assertThat(work.details()).containsEntry("consecutiveFailures", 1).containsKeys("lastFailureAt", "nextAttemptAt")
                .containsEntry("lastError", "IllegalStateException: index directory not writable");
        assertThat(meters.get("gospelib.background.failing").tag("task", "broken").gauge().value()).isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToItsLimit() {
        BackgroundWork work = new BackgroundWork("any", () -> { }, Duration.ofSeconds(5), Duration.ofMinutes(5), meters);
        assertThat(work.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(work.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(work.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(work.backoff(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(work.backoff(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void requestsDuringARunAreFoldedIntoOneMoreRun() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundWork work = new BackgroundWork("folding", () -> {
            if (runs.incrementAndGet() == 1) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, Duration.ofMillis(10), Duration.ofMillis(10), meters);

        work.request();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 5; i++) work.request();
        release.countDown();
        awaitNotRunning(work);
        Thread.sleep(100);
        awaitNotRunning(work);
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void anOutOfMemoryErrorIsNotSwallowed() {
        BackgroundWork work = new BackgroundWork("oom", () -> {
            throw new OutOfMemoryError("Java heap space");
        }, Duration.ofMillis(10), Duration.ofMillis(10), meters);
        // run on this thread through the same path a background thread takes
        assertThatThrownBy(work::runNow).isInstanceOf(OutOfMemoryError.class);
        assertThat(meters.get("gospelib.background.failures").tag("task", "oom").counter().count()).isZero();
    }

    private static void awaitNotRunning(BackgroundWork work) throws InterruptedException {
        for (int i = 0; i < 500 && Boolean.TRUE.equals(work.details().get("running")); i++) Thread.sleep(10);
    }
}
