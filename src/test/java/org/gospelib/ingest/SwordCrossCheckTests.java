package org.gospelib.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares every verse ingested for a Bible with what SWORD's own exporter, {@code mod2imp},
 * gives for the module, normalised independently of our parser: notes and titles removed (with a
 * space where a note was), tags dropped, entities decoded, whitespace collapsed. Needs Debian's
 * libsword-utils, which the test command installs; without it this test fails, it never skips.
 */
class SwordCrossCheckTests extends RunningApplication {

    private static final Pattern KEY = Pattern.compile("^\\$\\$\\$(.+) (\\d+):(\\d+)$");

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{1} matches mod2imp {0}")
    @CsvSource({"engKJV2006eb, KJV", "engWEB2015eb, WEB", "spaRV1909eb, RV1909"})
    void everyIngestedVerseMatchesSwordsOwnExport(String module, String translation) throws Exception {
        Map<String, String> sword = exportedVerses(module);
        Map<String, String> ours = new HashMap<>();
        jdbc.query("select book, chapter, verse, text from verse where translation_id = ?",
                rs -> { ours.put(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getInt(3), rs.getString(4)); },
                translation);
        Map<String, String> swordByOsis = byOsis(sword, module);

        List<String> mismatches = new ArrayList<>();
        swordByOsis.forEach((key, text) -> {
            String stored = ours.get(key);
            // A linked slot (several verse numbers sharing one stored entry) is kept once, under its first number.
            if (stored == null && linkedToPrevious(swordByOsis, key)) return;
            if (stored == null && !text.isEmpty()) mismatches.add(key + ": missing, SWORD has \"" + abbreviate(text) + "\"");
            else if (stored != null && !stored.equals(text)) {
                mismatches.add(key + ":\n   ours  \"" + abbreviate(stored) + "\"\n   SWORD \"" + abbreviate(text) + "\"");
            }
        });
        ours.forEach((key, text) -> {
            if (!text.isEmpty() && !swordByOsis.containsKey(key)) mismatches.add(key + ": not in SWORD's export");
        });
        assertThat(swordByOsis).hasSizeGreaterThan(31_000);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + swordByOsis.size() + " verses differ from mod2imp " + module + ", e.g.\n"
                    + String.join("\n", mismatches.subList(0, Math.min(15, mismatches.size()))));
        }
    }

    private static boolean linkedToPrevious(Map<String, String> byOsis, String key) {
        String[] parts = key.split("\\|");
        String previous = parts[0] + "|" + parts[1] + "|" + (Integer.parseInt(parts[2]) - 1);
        return byOsis.containsKey(previous) && byOsis.get(previous).equals(byOsis.get(key));
    }

    /**
     * SWORD's key ("I Samuel 3:4") → normalised text. Each entry is normalised as it is read, so
     * the module's raw markup (tens of MB) is never held at once: the test shares the
     * application's heap.
     */
    private static Map<String, String> exportedVerses(String module) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mod2imp", module).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("mod2imp is not installed: install Debian's libsword-utils (./gospelib test does)", e);
        }
        Map<String, String> verses = new java.util.LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String key = null;
            StringBuilder body = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("$$$")) {
                    if (key != null) verses.put(key, normalise(body.toString()));
                    key = line;
                    body.setLength(0);
                } else {
                    if (!body.isEmpty()) body.append('\n');
                    body.append(line);
                }
            }
            if (key != null) verses.put(key, normalise(body.toString()));
        }
        assertThat(process.waitFor()).as("mod2imp exit code").isZero();
        return verses;
    }

    /** Maps SWORD's English key names onto OSIS ids by order of appearance: both follow the module's versification. */
    private static Map<String, String> byOsis(Map<String, String> exported, String module) {
        Map<String, String> result = new HashMap<>();
        Map<String, String> osisOfName = new HashMap<>();
        List<String> order = osisBooksInOrder(module);
        for (Map.Entry<String, String> entry : exported.entrySet()) {
            Matcher m = KEY.matcher(entry.getKey());
            if (!m.matches()) continue;
            int verse = Integer.parseInt(m.group(3));
            int chapter = Integer.parseInt(m.group(2));
            String name = m.group(1);
            String osis = osisOfName.computeIfAbsent(name, n -> order.get(osisOfName.size()));
            if (verse == 0 || chapter == 0) continue;
            result.put(osis + "|" + chapter + "|" + verse, entry.getValue());
        }
        return result;
    }

    private static List<String> osisBooksInOrder(String module) {
        String v11n = module.equals("engWEB2015eb") ? "NRSVA" : "KJV";
        return org.gospelib.scripture.Versification.named(v11n).orElseThrow().books().stream()
                .map(org.gospelib.scripture.BookLayout::osisId).toList();
    }

    /**
     * The reading text of a verse by our documented rules, applied with nothing but regular
     * expressions: what follows the end of a book (WEB's glossary) is not the verse; notes, titles
     * and speaker labels are not reading text, and a removed note separates words but never puts
     * a space before closing punctuation; SWORD leaks USFM character markers ({@code \nd},
     * {@code \+nd*}) which are markup, not text.
     */
    static String normalise(String markup) {
        String s = markup.replaceAll("(?s)<div\\b[^>]*eID=\"[^\"]*\"[^>]*type=\"book\"[^>]*/>.*", "")
                .replaceAll("(?s)<note\\b[^>]*/>", "\u0001")
                .replaceAll("(?s)<note\\b.*?</note>", "\u0001")
                .replaceAll("(?s)<title\\b[^>]*/>", "")
                .replaceAll("(?s)<title\\b.*?</title>", "")
                .replaceAll("(?s)<speaker\\b.*?</speaker>", "")
                .replaceAll("<[^>]*>", "")
                .replaceAll("\\\\\\+?[a-z]+\\*?\\s?", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
        s = s.replaceAll("\\s*\u0001[\\s\u0001]*(?=[.,;:!?)\\]”’])", "")
                .replaceAll("(?<=[(\\[“‘])[\\s\u0001]*\u0001\\s*", "")
                .replace('\u0001', ' ');
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "…";
    }
}
