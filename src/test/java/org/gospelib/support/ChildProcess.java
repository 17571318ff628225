package org.gospelib.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A GospeLib command run in a process of its own, as users and orchestrators run it: the test's
 * classes on the class path and the launcher's JVM settings (handed to the tests by Maven as
 * {@code gospelib.jvm.options}, from {@code scripts/lib/common.sh}).
 */
public final class ChildProcess {

    private ChildProcess() {
    }

    /** The launcher's JVM settings, as the test suite was given them. */
    public static List<String> jvmOptions() {
        String options = System.getProperty("gospelib.jvm.options", "").strip();
        if (options.isEmpty()) throw new IllegalStateException("gospelib.jvm.options is not set (run the tests with ./gospelib test)");
        return Arrays.asList(options.split("\\s+"));
    }

    /** Waits until the process answers {@code /livez}, failing at once if it stops (its output is in {@code out}). */
    public static void awaitLive(Process process, Http http, Path out) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the process stopped; see " + out);
            try {
                if (http.get("/livez").status() == 200) return;
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the process did not start in 2 minutes; see " + out);
    }

    /** Waits until the process answers {@code /livez} and {@code /readyz} with 200, failing at once if it stops. */
    public static void awaitReady(Process process, Http http, Path out, java.time.Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the process stopped; see " + out);
            try {
                if (http.get("/livez").status() == 200 && http.get("/readyz").status() == 200) return;
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the process was not ready in " + patience + "; see " + out);
    }

    /**
     * A port free now, below Linux's ephemeral range (32768 and up): a port the kernel hands out
     * for port 0 can be handed out again — to an outgoing connection or another process's
     * {@code --management-port=0} — before the child that was given it binds it.
     */
    public static int freePort() throws java.io.IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (java.net.ServerSocket socket = new java.net.ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (java.io.IOException taken) {
                // try another
            }
        }
        throw new java.io.IOException("no free port between 20000 and 32000 after 200 tries");
    }

    /** {@code java <launcher settings> -cp <the tests' class path> org.gospelib.GospelibApplication <arguments>}. */
    public static ProcessBuilder gospelib(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.gospelib.GospelibApplication");
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }
}
