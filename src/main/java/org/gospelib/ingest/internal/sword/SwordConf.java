package org.gospelib.ingest.internal.sword;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A SWORD module configuration file ({@code mods.d/<module>.conf}): an INI-like file with one
 * {@code [ModuleName]} section followed by {@code Key=Value} lines.
 *
 * <p>Parsing follows the SWORD conventions: lines starting with {@code #} or {@code ;} (after
 * leading whitespace) are comments, whitespace around keys and values is trimmed, a value ending
 * in a backslash continues on the next line (joined with a line break), and keys may repeat
 * ({@code GlobalOptionFilter}, {@code Feature}, {@code History_x.y}, …), so every value of a key
 * is kept in file order. Keys are matched case-insensitively. Single-value accessors return the
 * first occurrence, as SWORD does.
 *
 * <p>The file is decoded as UTF-8, or as ISO-8859-1 when it is not valid UTF-8 (old modules
 * write their conf in the module's own encoding).
 */
public final class SwordConf {

    /** How a module's entries are encoded. */
    public enum Encoding {
        UTF_8, LATIN_1, UTF_16, SCSU
    }

    private final String moduleName;
    private final Path libraryRoot;
    private final Map<String, List<String>> values;

    private SwordConf(String moduleName, Path libraryRoot, Map<String, List<String>> values) {
        this.moduleName = moduleName;
        this.libraryRoot = libraryRoot;
        this.values = values;
    }

    /**
     * Reads a conf file.
     *
     * @param confFile    the {@code .conf} file
     * @param libraryRoot the SWORD library root that {@code DataPath} is relative to
     * @throws IOException if the file cannot be read or has no {@code [section]} line
     */
    public static SwordConf read(Path confFile, Path libraryRoot) throws IOException {
        return parse(decode(Files.readAllBytes(confFile)), libraryRoot);
    }

    /**
     * Parses conf text.
     *
     * @throws IOException if the text has no {@code [section]} line
     */
    public static SwordConf parse(String text, Path libraryRoot) throws IOException {
        String section = null;
        Map<String, List<String>> values = new LinkedHashMap<>();
        String pendingKey = null;
        StringBuilder pendingValue = null;
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            if (pendingKey != null) {
                // Continuation lines are taken verbatim (apart from trimming): a '#' there is text.
                String line = raw.strip();
                boolean continues = line.endsWith("\\");
                pendingValue.append('\n').append(continues ? line.substring(0, line.length() - 1) : line);
                if (!continues) {
                    add(values, pendingKey, pendingValue.toString().strip());
                    pendingKey = null;
                }
                continue;
            }
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                if (section == null) section = line.substring(1, line.length() - 1).strip();
                // A second section would describe another module; SWORD modules have one per file.
                else break;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || section == null) continue;
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.endsWith("\\")) {
                pendingKey = key;
                pendingValue = new StringBuilder(value.substring(0, value.length() - 1));
            } else {
                add(values, key, value);
            }
        }
        if (pendingKey != null) add(values, pendingKey, pendingValue.toString().strip());
        if (section == null || section.isEmpty()) throw new IOException("no [module] section in conf");
        return new SwordConf(section, libraryRoot, values);
    }

    private static void add(Map<String, List<String>> values, String key, String value) {
        values.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The module's unique name, the conf's section name ({@code engKJV2006eb}). */
    public String moduleName() {
        return moduleName;
    }

    /** The library root the conf was read against. */
    public Path libraryRoot() {
        return libraryRoot;
    }

    /** All values of a key in file order, empty if absent. */
    public List<String> values(String key) {
        return Collections.unmodifiableList(values.getOrDefault(key.toLowerCase(Locale.ROOT), List.of()));
    }

    /** The first non-blank value of a key. */
    public Optional<String> value(String key) {
        return values(key).stream().filter(v -> !v.isBlank()).findFirst();
    }

    /**
     * Where the module's data lives: {@code DataPath} resolved against the library root. For
     * directory drivers (zText, zCom) this is a directory; for dictionary drivers (zLD) it is the
     * common prefix of the data files ({@code …/strongsgreek/dict}).
     */
    public Optional<Path> dataPath() {
        return value("DataPath").map(p -> libraryRoot.resolve(p.startsWith("./") ? p.substring(2) : p).normalize());
    }

    /** The driver ({@code ModDrv}): zText, zText4, zCom, zCom4, zLD, RawText, … */
    public Optional<String> driver() {
        return value("ModDrv");
    }

    /** The markup ({@code SourceType}): OSIS, ThML, GBF, TEI; absent means plain text. */
    public Optional<String> sourceType() {
        return value("SourceType");
    }

    /** Whether the conf states an {@code Encoding} at all. */
    public boolean declaresEncoding() {
        return value("Encoding").isPresent();
    }

    /**
     * The entries' encoding by SWORD's rules: {@code UTF-8}, {@code UTF-16} and {@code SCSU} as
     * declared, anything else (including no declaration) ISO-8859-1.
     */
    public Encoding encoding() {
        String declared = value("Encoding").orElse("").toUpperCase(Locale.ROOT);
        return switch (declared) {
            case "UTF-8", "UTF8" -> Encoding.UTF_8;
            case "UTF-16", "UTF16" -> Encoding.UTF_16;
            case "SCSU" -> Encoding.SCSU;
            default -> Encoding.LATIN_1;
        };
    }

    /** The versification system's SWORD name, {@code KJV} when not stated. */
    public String versification() {
        return value("Versification").orElse("KJV");
    }

    /** The language code ({@code Lang}). */
    public Optional<String> language() {
        return value("Lang");
    }

    public Optional<String> description() {
        return value("Description");
    }

    public Optional<String> abbreviation() {
        return value("Abbreviation");
    }

    /** The license ({@code DistributionLicense}). */
    public Optional<String> license() {
        return value("DistributionLicense");
    }

    public Optional<String> version() {
        return value("Version");
    }

    /** The block compression ({@code CompressType}): ZIP, LZSS, BZIP2, XZ. */
    public Optional<String> compressType() {
        return value("CompressType");
    }

    /** How much text one compressed block holds ({@code BlockType}): BOOK, CHAPTER, VERSE. */
    public Optional<String> blockType() {
        return value("BlockType");
    }

    /** The module category ({@code Category}), such as {@code Biblical Texts}. */
    public Optional<String> category() {
        return value("Category");
    }

    @Override
    public String toString() {
        return "SwordConf[" + moduleName + "]";
    }
}
