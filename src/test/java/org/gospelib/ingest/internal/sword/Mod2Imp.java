package org.gospelib.ingest.internal.sword;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs SWORD's own exporter, {@code mod2imp}, and parses its output: for each entry a line
 * {@code $$$<key>} followed by the raw entry and a line break.
 */
final class Mod2Imp {

    /** One exported entry: SWORD's key text and the raw markup. */
    record Entry(String key, String markup) {
    }

    private Mod2Imp() {
    }

    /**
     * Exports a module.
     *
     * @param module    the module name
     * @param swordPath a library to use instead of the system's (the SWORD_PATH variable)
     */
    static List<Entry> export(String module, Optional<Path> swordPath) {
        ProcessBuilder builder = new ProcessBuilder("mod2imp", module).redirectError(ProcessBuilder.Redirect.DISCARD);
        swordPath.ifPresent(p -> builder.environment().put("SWORD_PATH", p.toString()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail("mod2imp is needed to cross-check the SWORD reader and could not be run (" + e.getMessage()
                    + "): install the Debian package libsword-utils");
        }
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String key = null;
            StringBuilder markup = new StringBuilder();
            boolean firstLine = true;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("$$$")) {
                    if (key != null) entries.add(new Entry(key, markup.toString()));
                    key = line.substring(3);
                    markup.setLength(0);
                    firstLine = true;
                } else {
                    if (!firstLine) markup.append('\n');
                    markup.append(line);
                    firstLine = false;
                }
            }
            // The exporter ends its output with one more line break than the entries need.
            if (!markup.isEmpty() && markup.charAt(markup.length() - 1) == '\n') markup.setLength(markup.length() - 1);
            if (key != null) entries.add(new Entry(key, markup.toString()));
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("mod2imp " + module + " did not finish");
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read mod2imp output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (process.exitValue() != 0 || entries.isEmpty()) {
            fail("mod2imp " + module + " failed (exit " + process.exitValue() + ", " + entries.size() + " entries)");
        }
        return entries;
    }
}
