package org.gospelib.scripture.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Long titles and other traditions' names of books, as printed in Bibles and said in church: "The
 * Gospel according to Saint Matthew", "The First Epistle of Paul the Apostle to the Corinthians",
 * "El Evangelio según San Juan", Douay-Rheims names such as "Osee" or "Canticle of Canticles",
 * and the deuterocanonical books. Written for this suite from general knowledge.
 */
final class Titles {

    private static final String[] ENGLISH_ORDINALS = {"First", "Second", "Third"};
    private static final String[] SPANISH_ORDINALS = {"Primera", "Segunda", "Tercera"};

    private static final Map<String, List<String>> BY_BOOK = build();

    private Titles() {
    }

    /** Titles by OSIS id, English and Spanish mixed, in a fixed order. */
    static Map<String, List<String>> byBook() {
        return BY_BOOK;
    }

    private static Map<String, List<String>> build() {
        Map<String, List<String>> titles = new LinkedHashMap<>();
        gospels(titles);
        lettersToChurches(titles);
        lettersToPeople(titles);
        generalLetters(titles);
        oldTestament(titles);
        otherTraditions(titles);
        deuterocanon(titles);
        titles.replaceAll((book, list) -> List.copyOf(list));
        return titles;
    }

    private static void add(Map<String, List<String>> titles, String book, String... names) {
        titles.computeIfAbsent(book, b -> new ArrayList<>()).addAll(List.of(names));
    }

    private static void gospels(Map<String, List<String>> titles) {
        String[][] gospels = {{"Matt", "Matthew", "Mateo"}, {"Mark", "Mark", "Marcos"}, {"Luke", "Luke", "Lucas"},
                {"John", "John", "Juan"}};
        for (String[] g : gospels) {
            String en = g[1];
            String es = g[2];
            add(titles, g[0], "The Gospel according to Saint " + en, "The Gospel According to St. " + en,
                    "The Gospel according to " + en, "Gospel according to " + en, "The Gospel of " + en,
                    "Gospel of " + en, "Saint " + en, "St. " + en,
                    "El Evangelio según San " + es, "Evangelio según San " + es, "Evangelio según " + es,
                    "El Evangelio de " + es, "Evangelio de San " + es, "Santo Evangelio según San " + es);
        }
        add(titles, "Acts", "The Acts of the Apostles", "Acts of the Apostles", "Hechos de los Apóstoles",
                "Los Hechos de los Apóstoles", "Libro de los Hechos");
        add(titles, "Rev", "Apocalypse", "The Apocalypse", "The Apocalypse of John", "The Apocalypse of St. John",
                "The Revelation of St. John", "The Revelation of Saint John the Divine", "The Revelation of John",
                "Revelation of John", "The Book of Revelation", "Book of Revelation", "The Revelation of Jesus Christ",
                "El Apocalipsis", "Apocalipsis de San Juan", "Apocalipsis de Juan", "Libro del Apocalipsis");
    }

    /** Paul's letters to churches, and Hebrews, which tradition titles the same way. */
    private static void lettersToChurches(Map<String, List<String>> titles) {
        String[][] letters = {{"Rom", "Romans", "Romanos"}, {"1Cor", "Corinthians", "Corintios"},
                {"2Cor", "Corinthians", "Corintios"}, {"Gal", "Galatians", "Gálatas"}, {"Eph", "Ephesians", "Efesios"},
                {"Phil", "Philippians", "Filipenses"}, {"Col", "Colossians", "Colosenses"},
                {"1Thess", "Thessalonians", "Tesalonicenses"}, {"2Thess", "Thessalonians", "Tesalonicenses"},
                {"Heb", "Hebrews", "Hebreos"}};
        for (String[] l : letters) {
            String en = l[1];
            String es = l[2];
            int number = Spellings.of(l[0]).number();
            if (number == 0) {
                add(titles, l[0], "The Epistle of Paul the Apostle to the " + en, "The Epistle of Paul to the " + en,
                        "The Epistle to the " + en, "Epistle to the " + en, "The Letter to the " + en,
                        "Letter to the " + en, "Paul's Letter to the " + en, "The Letter of Paul to the " + en,
                        "Epístola a los " + es, "Epístola de San Pablo a los " + es, "Carta a los " + es,
                        "La Carta a los " + es, "Carta de Pablo a los " + es, "Carta de San Pablo a los " + es);
            } else {
                String ordinalEn = ENGLISH_ORDINALS[number - 1];
                String ordinalEs = SPANISH_ORDINALS[number - 1];
                add(titles, l[0], "The " + ordinalEn + " Epistle of Paul the Apostle to the " + en,
                        "The " + ordinalEn + " Epistle of Paul to the " + en, ordinalEn + " Epistle to the " + en,
                        "The " + ordinalEn + " Letter to the " + en, ordinalEn + " Letter to the " + en,
                        "Paul's " + ordinalEn + " Letter to the " + en,
                        ordinalEs + " Epístola a los " + es, ordinalEs + " Carta a los " + es,
                        ordinalEs + " Carta de San Pablo a los " + es, ordinalEs + " Epístola de San Pablo a los " + es);
            }
        }
    }

    private static void lettersToPeople(Map<String, List<String>> titles) {
        String[][] letters = {{"1Tim", "Timothy", "Timoteo"}, {"2Tim", "Timothy", "Timoteo"}, {"Titus", "Titus", "Tito"},
                {"Phlm", "Philemon", "Filemón"}};
        for (String[] l : letters) {
            String en = l[1];
            String es = l[2];
            int number = Spellings.of(l[0]).number();
            if (number == 0) {
                add(titles, l[0], "The Epistle of Paul to " + en, "The Epistle of Paul the Apostle to " + en,
                        "Epistle to " + en, "Letter to " + en, "Paul's Letter to " + en,
                        "Epístola a " + es, "Carta a " + es, "Carta de San Pablo a " + es);
            } else {
                String ordinalEn = ENGLISH_ORDINALS[number - 1];
                String ordinalEs = SPANISH_ORDINALS[number - 1];
                add(titles, l[0], "The " + ordinalEn + " Epistle of Paul to " + en,
                        "The " + ordinalEn + " Epistle of Paul the Apostle to " + en, ordinalEn + " Epistle to " + en,
                        ordinalEn + " Letter to " + en, "Paul's " + ordinalEn + " Letter to " + en,
                        ordinalEs + " Carta a " + es, ordinalEs + " Epístola a " + es,
                        ordinalEs + " Carta de San Pablo a " + es);
            }
        }
    }

    /** James, Peter, John, Jude: "general" or "catholic" letters, titled by their author. */
    private static void generalLetters(Map<String, List<String>> titles) {
        String[][] letters = {{"Jas", "James", "Santiago"}, {"1Pet", "Peter", "Pedro"}, {"2Pet", "Peter", "Pedro"},
                {"1John", "John", "Juan"}, {"2John", "John", "Juan"}, {"3John", "John", "Juan"}, {"Jude", "Jude", "Judas"}};
        for (String[] l : letters) {
            String en = l[1];
            String es = l[2];
            int number = Spellings.of(l[0]).number();
            if (number == 0) {
                add(titles, l[0], "The Epistle of " + en, "The General Epistle of " + en, "Epistle of " + en,
                        "The Letter of " + en, "Letter of " + en,
                        "Epístola de " + es, "Carta de " + es, "Epístola Universal de " + es);
            } else {
                String ordinalEn = ENGLISH_ORDINALS[number - 1];
                String ordinalEs = SPANISH_ORDINALS[number - 1];
                add(titles, l[0], "The " + ordinalEn + " Epistle of " + en, "The " + ordinalEn + " Epistle General of " + en,
                        ordinalEn + " Epistle of " + en, "The " + ordinalEn + " Letter of " + en, ordinalEn + " Letter of " + en,
                        ordinalEs + " Epístola de " + es, ordinalEs + " Carta de " + es,
                        ordinalEs + " Carta de San " + es, ordinalEs + " Epístola Universal de San " + es);
            }
        }
    }

    private static void oldTestament(Map<String, List<String>> titles) {
        add(titles, "Song", "The Song of Songs", "Song of Songs", "The Song of Solomon", "Canticles",
                "Canticle of Canticles", "The Canticle of Canticles",
                "Cantar de los Cantares", "El Cantar de los Cantares", "Cantar de Cantares");
        add(titles, "Eccl", "Qoheleth", "Qohelet", "Koheleth", "The Book of Ecclesiastes",
                "Qohélet", "Libro del Eclesiastés");
        add(titles, "Lam", "The Lamentations of Jeremiah", "Lamentations of Jeremiah", "The Book of Lamentations",
                "Lamentaciones de Jeremías", "Libro de las Lamentaciones");
        add(titles, "Ps", "The Book of Psalms", "Book of Psalms", "Libro de los Salmos", "El Libro de los Salmos");
        add(titles, "Prov", "The Book of Proverbs", "Book of Proverbs", "Libro de los Proverbios");
        String[][] books = {{"Gen", "Genesis", "del Génesis"}, {"Exod", "Exodus", "del Éxodo"},
                {"Lev", "Leviticus", "del Levítico"}, {"Num", "Numbers", "de los Números"},
                {"Deut", "Deuteronomy", "del Deuteronomio"}, {"Josh", "Joshua", "de Josué"},
                {"Judg", "Judges", "de los Jueces"}, {"Ruth", "Ruth", "de Rut"}, {"Ezra", "Ezra", "de Esdras"},
                {"Neh", "Nehemiah", "de Nehemías"}, {"Esth", "Esther", "de Ester"}, {"Job", "Job", "de Job"},
                {"Dan", "Daniel", "de Daniel"}};
        for (String[] b : books) add(titles, b[0], "Book of " + b[1], "The Book of " + b[1], "Libro " + b[2]);
        String[][] prophets = {{"Isa", "Isaiah", "Isaías"}, {"Jer", "Jeremiah", "Jeremías"}, {"Ezek", "Ezekiel", "Ezequiel"},
                {"Hos", "Hosea", "Oseas"}, {"Joel", "Joel", "Joel"}, {"Amos", "Amos", "Amós"}, {"Obad", "Obadiah", "Abdías"},
                {"Jonah", "Jonah", "Jonás"}, {"Mic", "Micah", "Miqueas"}, {"Nah", "Nahum", "Nahúm"},
                {"Hab", "Habakkuk", "Habacuc"}, {"Zeph", "Zephaniah", "Sofonías"}, {"Hag", "Haggai", "Hageo"},
                {"Zech", "Zechariah", "Zacarías"}, {"Mal", "Malachi", "Malaquías"}};
        for (String[] p : prophets) {
            add(titles, p[0], "The Book of the Prophet " + p[1], "Book of " + p[1], "Libro de " + p[2]);
        }
        String[][] numbered = {{"1Sam", "First", "Samuel", "Primer", "Samuel"}, {"2Sam", "Second", "Samuel", "Segundo", "Samuel"},
                {"1Kgs", "First", "the Kings", "Primer", "los Reyes"}, {"2Kgs", "Second", "the Kings", "Segundo", "los Reyes"},
                {"1Chr", "First", "the Chronicles", "Primer", "las Crónicas"},
                {"2Chr", "Second", "the Chronicles", "Segundo", "las Crónicas"}};
        for (String[] n : numbered) {
            add(titles, n[0], "The " + n[1] + " Book of " + n[2], n[1] + " Book of " + n[2],
                    n[3] + " Libro de " + n[4], n[3] + " libro de " + n[4]);
        }
    }

    /** Names of the Douay-Rheims and other Catholic English Bibles that no other book bears. */
    private static void otherTraditions(Map<String, List<String>> titles) {
        add(titles, "Josh", "Josue");
        add(titles, "Hos", "Osee");
        add(titles, "Obad", "Abdias");
        add(titles, "Mic", "Micheas");
        add(titles, "Zeph", "Sophonias");
        add(titles, "Hag", "Aggeus");
        add(titles, "Zech", "Zacharias");
        add(titles, "Mal", "Malachias");
        add(titles, "Isa", "Isaias");
        add(titles, "Jer", "Jeremias");
        add(titles, "Ezek", "Ezechiel");
        add(titles, "Jonah", "Jonas");
    }

    private static void deuterocanon(Map<String, List<String>> titles) {
        add(titles, "Tob", "Tobit", "Book of Tobit", "The Book of Tobit", "Tobias", "Tobías", "Libro de Tobías");
        add(titles, "Jdt", "Judith", "The Book of Judith", "Judit", "Libro de Judit");
        add(titles, "Wis", "Wisdom of Solomon", "The Wisdom of Solomon", "Book of Wisdom", "The Book of Wisdom", "Wisdom",
                "Sabiduría", "Libro de la Sabiduría");
        add(titles, "Sir", "Sirach", "Ecclesiasticus", "Wisdom of Sirach", "The Wisdom of Sirach", "Ben Sira",
                "Wisdom of Ben Sira", "Eclesiástico", "Sirácida", "Ben Sirá");
        add(titles, "Bar", "Baruch", "The Book of Baruch", "Baruc", "Libro de Baruc");
        add(titles, "1Macc", "1 Maccabees", "First Maccabees", "The First Book of Maccabees",
                "The First Book of the Maccabees", "1 Machabees", "I Maccabees",
                "1 Macabeos", "Primer Libro de los Macabeos", "Primero de Macabeos");
        add(titles, "2Macc", "2 Maccabees", "Second Maccabees", "The Second Book of Maccabees",
                "The Second Book of the Maccabees", "2 Machabees", "II Maccabees",
                "2 Macabeos", "Segundo Libro de los Macabeos", "Segundo de Macabeos");
    }
}
