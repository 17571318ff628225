package org.gospelib.ingest.internal;

import java.io.PrintStream;

/**
 * Draws ingest progress on the terminal's standard error, rewriting one line, so the logs on
 * standard output and in the log file stay machine-readable. Silent when not on a terminal.
 */
final class TerminalProgress implements ProgressListener {

    private final PrintStream out;
    private long lastDraw;

    private TerminalProgress(PrintStream out) {
        this.out = out;
    }

    static ProgressListener create() {
        return System.console() != null ? new TerminalProgress(System.err) : NONE;
    }

    @Override
    public void reading(String module, int done, int total) {
        draw("reading " + module, done, total);
    }

    @Override
    public void stored(String translation, int done, int total) {
        draw("storing " + translation, done, total);
    }

    @Override
    public void message(String text) {
        out.print("\r\033[K");
        if (!text.isEmpty()) out.println("  " + text);
        out.flush();
    }

    private void draw(String what, int done, int total) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        out.print("\r\033[K  " + what + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
        out.flush();
    }
}
