package org.gospelib.ingest.internal.sword.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.gospelib.ingest.internal.osis.MarkState;
import org.gospelib.ingest.internal.osis.OsisVerseParser;
import org.gospelib.ingest.internal.osis.ParsedVerse;
import org.gospelib.ingest.internal.sword.EntryKey;
import org.gospelib.ingest.internal.sword.SwordEntry;
import org.gospelib.ingest.internal.sword.SwordLibrary;
import org.gospelib.ingest.internal.sword.SwordModule;
import org.gospelib.ingest.internal.sword.ZTextReader;

/**
 * Times reading and parsing every verse of the installed Bibles. Not a test: run it by hand with
 * the library root as the only argument (default {@code /usr/share/sword}). Each round reads all
 * three modules from scratch; the first rounds include JIT warm-up.
 */
public final class ReadAllBibles {

    private static final List<String> BIBLES = List.of("engKJV2006eb", "engWEB2015eb", "spaRV1909eb");

    public static void main(String[] args) throws IOException {
        SwordLibrary library = SwordLibrary.at(Path.of(args.length > 0 ? args[0] : "/usr/share/sword"));
        for (int round = 1; round <= 5; round++) {
            long total = 0;
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (String name : BIBLES) {
                SwordModule module = library.find(name).orElseThrow();
                long start = System.nanoTime();
                long readNanos = 0;
                int verses = 0;
                long chars = 0;
                MarkState state = MarkState.NONE;
                try (ZTextReader reader = ZTextReader.open(module)) {
                    long readStart = System.nanoTime();
                    List<SwordEntry> entries = reader.slots().filter(e -> e.key() instanceof EntryKey.Verse).toList();
                    readNanos = System.nanoTime() - readStart;
                    for (SwordEntry entry : entries) {
                        ParsedVerse parsed = OsisVerseParser.parse(entry.markup(), state);
                        state = parsed.endState();
                        verses++;
                        chars += parsed.content().text().length();
                    }
                }
                long elapsed = System.nanoTime() - start;
                total += elapsed;
                line.append(String.format(" %s %d verses %,d chars read %d ms + parse %d ms;", name, verses, chars,
                        readNanos / 1_000_000, (elapsed - readNanos) / 1_000_000));
            }
            System.out.println(line.append(String.format(" total %d ms", total / 1_000_000)));
        }
    }
}
