package org.gospelib.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeavyWorkTest {

    @Test
    void noMoreLargeRequestsRunAtOnceThanThereArePermits() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HeavyWork heavy = new HeavyWork(2, meters);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                pool.submit(() -> heavy.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return running.decrementAndGet();
                }));
            }
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(meters.get("gospelib.heavy.running").gauge().value()).isZero();
    }

    @Test
    void aPermitIsGivenBackWhenTheWorkFails() {
        HeavyWork heavy = new HeavyWork(1, new SimpleMeterRegistry());
        for (int i = 0; i < 3; i++) {
            try {
                heavy.run(() -> {
                    throw new IllegalStateException("failed");
                });
            } catch (IllegalStateException expected) {
                // the next run must still get the one permit
            }
        }
        assertThat(heavy.run(() -> "ran")).isEqualTo("ran");
    }

    @Test
    void whileLargeWorkHoldsEveryPermitOthersWaitInTurn() throws Exception {
        HeavyWork heavy = new HeavyWork(1, new SimpleMeterRegistry());
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = pool.submit(() -> heavy.run(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> heavy.run(() -> "second"));
            Thread.sleep(100);
            assertThat(second.isDone()).as("waits for the permit").isFalse();
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        }
    }
}
