package org.gospelib.scripture.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How the number of a numbered book is written besides a digit ("First Corinthians", "1st Cor",
 * "II Samuel", "Primera de Juan", "2ª Timoteo", "1º Reyes"), and the Septuagint and Vulgate
 * names of Samuel, Kings and Chronicles.
 */
final class Ordinals {

    private static final String[][] ENGLISH = {
            {"First", "Second", "Third"},
            {"1st", "2nd", "3rd"},
            {"I", "II", "III"}};

    /** Letters ("carta", "epístola") are feminine in Spanish: "Primera de Corintios". */
    private static final String[][] SPANISH_FEMININE = {
            {"Primera de", "Segunda de", "Tercera de"},
            {"Primera", "Segunda", "Tercera"},
            {"1ra de", "2da de", "3ra de"},
            {"1ra", "2da", "3ra"},
            {"1a", "2a", "3a"},
            {"1ª", "2ª", "3ª"},
            {"I", "II", "III"}};

    /** Books ("libro") are masculine: "Primero de Samuel", "2º Reyes". */
    private static final String[][] SPANISH_MASCULINE = {
            {"Primero de", "Segundo de"},
            {"1ro", "2do"},
            {"1º", "2º"},
            {"I", "II"}};

    private static final Set<String> SPANISH_BOOKS_CALLED_LIBRO = Set.of("1Sam", "2Sam", "1Kgs", "2Kgs", "1Chr",
            "2Chr", "1Macc", "2Macc");

    /**
     * Names only the Greek and Latin traditions give, so that none can be read as another book:
     * "1 Kingdoms" is 1 Samuel and "3 Kings" 1 Kings, but "1 Kings" and "1 Esdras", whose meaning
     * differs between traditions, are left out. (The Septuagint's 3 Kingdoms orders a few chapters
     * differently; the suite maps chapter numbers unchanged, as readers citing it by a modern
     * name would.)
     */
    static final List<Map.Entry<String, String>> SEPTUAGINT = septuagint();

    private Ordinals() {
    }

    /** Abbreviations go with "1st" or "I" ("1st Cor", "II Tim."), rarely with a word ("Second Tim."). */
    static String english(Spellings.Book book, Random random) {
        int form = random.nextInt(ENGLISH.length);
        String ordinal = ENGLISH[form][book.number() - 1];
        boolean abbreviated = form > 0 && random.nextInt(5) < 2 && !book.englishAbbreviations().isEmpty();
        String stem = abbreviated
                ? Spellings.pick(book.englishAbbreviations(), random) + (random.nextBoolean() ? "." : "")
                : Spellings.pick(book.english(), random);
        return ordinal + " " + stem;
    }

    /** Abbreviations go with a figure or Roman numeral ("1ª Co", "2º R"), never with a word. */
    static String spanish(Spellings.Book book, Random random) {
        String[][] forms = SPANISH_BOOKS_CALLED_LIBRO.contains(book.osis()) ? SPANISH_MASCULINE : SPANISH_FEMININE;
        String ordinal = forms[random.nextInt(forms.length)][book.number() - 1];
        boolean figure = (Character.isDigit(ordinal.charAt(0)) || ordinal.startsWith("I")) && !ordinal.endsWith(" de");
        boolean abbreviated = figure && random.nextInt(4) == 0 && !book.spanishAbbreviations().isEmpty();
        String stem = abbreviated
                ? Spellings.pick(book.spanishAbbreviations(), random)
                : Spellings.pick(book.spanish(), random);
        return ordinal + " " + (random.nextInt(4) == 0 ? Spellings.stripAccents(stem) : stem);
    }

    private static List<Map.Entry<String, String>> septuagint() {
        List<Map.Entry<String, String>> names = new ArrayList<>();
        String[] books = {"1Sam", "2Sam", "1Kgs", "2Kgs"};
        String[][] numbers = {{"1", "I", "First", "1st"}, {"2", "II", "Second", "2nd"}, {"3", "III", "Third", "3rd"},
                {"4", "IV", "Fourth", "4th"}};
        for (int i = 0; i < 4; i++) {
            for (String number : numbers[i]) {
                names.add(Map.entry(books[i], number + " Kingdoms"));
                names.add(Map.entry(books[i], number + " Reigns"));
            }
            names.add(Map.entry(books[i], numbers[i][0] + " Kgdms"));
        }
        for (int i = 2; i < 4; i++) { // the Vulgate's 3 and 4 Kings, Regum and, in Spanish, Reyes
            for (String number : numbers[i]) names.add(Map.entry(books[i], number + " Kings"));
            for (String latin : new String[] {numbers[i][0], numbers[i][1]}) {
                names.add(Map.entry(books[i], latin + " Regum"));
                names.add(Map.entry(books[i], latin + " Reyes"));
            }
        }
        String[] chronicles = {"1Chr", "2Chr"};
        for (int i = 0; i < 2; i++) {
            for (String number : new String[] {numbers[i][0], numbers[i][1], numbers[i][2]}) {
                names.add(Map.entry(chronicles[i], number + " Paralipomenon"));
            }
            names.add(Map.entry(chronicles[i], numbers[i][0] + " Paralipómenos"));
            names.add(Map.entry(chronicles[i], numbers[i][1] + " Paralipómenos"));
            names.add(Map.entry(chronicles[i], numbers[i][0] + " Paralipomenos"));
        }
        return List.copyOf(names);
    }
}
