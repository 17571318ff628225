package org.gospelib.scripture;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BookNamesTest {

    private final BookNames names = BookNames.standard();

    @Nested
    class Catalogue {

        @Test
        void listsTheKjvBooksFirstInKjvOrder() {
            List<String> kjv = Versification.kjv().books().stream().map(BookLayout::osisId).toList();

            assertThat(names.osisIds().subList(0, 66)).isEqualTo(kjv);
        }

        @Test
        void includesTheDeuterocanonicalBooks() {
            assertThat(names.osisIds()).contains("Tob", "Jdt", "AddEsth", "EsthGr", "Wis", "Sir", "Bar", "EpJer",
                    "PrAzar", "Sus", "Bel", "1Macc", "2Macc", "3Macc", "4Macc", "PrMan", "1Esd", "2Esd", "AddPs");
        }

        @Test
        void knowsEveryBookOfTheNrsvaAndKjvaVersifications() {
            for (String system : List.of("NRSVA", "KJVA")) {
                Versification.named(system).orElseThrow().books()
                        .forEach(book -> assertThat(names.contains(book.osisId())).as(book.osisId()).isTrue());
            }
        }

        @Test
        void listsTheOsisIdAndBothNamesAmongTheSpellings() {
            assertThat(names.spellings("1Cor")).startsWith("1Cor", "1 Corinthians", "1 Corintios").contains("1 Co");
        }

        @Test
        void listsNoSpellingsForAnUnknownBook() {
            assertThat(names.spellings("Nope")).isEmpty();
        }
    }

    @Nested
    class DisplayNames {

        @Test
        void givesTheEnglishName() {
            assertThat(names.englishName("1Cor")).contains("1 Corinthians");
            assertThat(names.englishName("Song")).contains("Song of Solomon");
        }

        @Test
        void givesTheSpanishName() {
            assertThat(names.spanishName("Jas")).contains("Santiago");
            assertThat(names.spanishName("Gen")).contains("Génesis");
        }

        @Test
        void givesTheNameInTheLocalesLanguageAndEnglishForOtherLanguages() {
            assertThat(names.nameIn("Rev", Locale.forLanguageTag("es-MX"))).contains("Apocalipsis");
            assertThat(names.nameIn("Rev", Locale.ENGLISH)).contains("Revelation");
            assertThat(names.nameIn("Rev", Locale.GERMAN)).contains("Revelation");
        }

        @Test
        void givesNothingForAnUnknownBook() {
            assertThat(names.englishName("Nope")).isEmpty();
            assertThat(names.spanishName("Nope")).isEmpty();
            assertThat(names.nameIn("Nope", Locale.ENGLISH)).isEmpty();
        }

        @Test
        void namesEveryBookInBothLanguages() {
            for (String osis : names.osisIds()) {
                assertThat(names.englishName(osis)).as(osis).get().asString().isNotBlank();
                assertThat(names.spanishName(osis)).as(osis).get().asString().isNotBlank();
            }
        }
    }

    @Nested
    class Lookup {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Jn                 | John
                Jhn                | John
                Joh                | John
                John               | John
                1 Cor              | 1Cor
                1Co                | 1Cor
                I Corinthians      | 1Cor
                First Corinthians  | 1Cor
                1st Corinthians    | 1Cor
                II Kings           | 2Kgs
                2nd Kings          | 2Kgs
                Third John         | 3John
                III John           | 3John
                2Th                | 2Thess
                Ps                 | Ps
                Psa                | Ps
                Psalm              | Ps
                Psalms             | Ps
                Song of Solomon    | Song
                Song of Songs      | Song
                Canticles          | Song
                SS                 | Song
                Rev                | Rev
                Revelation         | Rev
                Phil               | Phil
                Phm                | Phlm
                Jas                | Jas
                Jude               | Jude
                Obad               | Obad
                Acts of the Apostles | Acts
                """)
        void readsEnglishNamesAndAbbreviations(String name, String osis) {
            assertThat(names.lookup(name)).contains(osis);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Génesis               | Gen
                Genesis               | Gen
                Gén                   | Gen
                Gn                    | Gen
                Éxodo                 | Exod
                Josué                 | Josh
                Jueces                | Judg
                1 Reyes               | 1Kgs
                Primero de Reyes      | 1Kgs
                Job                   | Job
                Sal                   | Ps
                Salmo                 | Ps
                Salmos                | Ps
                Eclesiastés           | Eccl
                Cantares              | Song
                Cantar de los Cantares | Song
                Isaías                | Isa
                Abdías                | Obad
                Jonás                 | Jonah
                Hageo                 | Hag
                Mateo                 | Matt
                Mt                    | Matt
                Marcos                | Mark
                Juan                  | John
                Hechos                | Acts
                Hch                   | Acts
                Romanos               | Rom
                Ro                    | Rom
                1 Corintios           | 1Cor
                1 Co                  | 1Cor
                Primera Corintios     | 1Cor
                Primera de Corintios  | 1Cor
                1ª Corintios          | 1Cor
                1a Corintios          | 1Cor
                1ra Corintios         | 1Cor
                2da Timoteo           | 2Tim
                2do Reyes             | 2Kgs
                1er Reyes             | 1Kgs
                1º Samuel             | 1Sam
                3ra Juan              | 3John
                Segunda Corintios     | 2Cor
                Tercera de Juan       | 3John
                Santiago              | Jas
                Stg                   | Jas
                1 Pedro               | 1Pet
                Primera de Juan       | 1John
                Judas                 | Jude
                Apocalipsis           | Rev
                Ap                    | Rev
                """)
        void readsSpanishNamesAndAbbreviations(String name, String osis) {
            assertThat(names.lookup(name)).contains(osis);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Tobit                 | Tob
                Judith                | Jdt
                Additions to Esther   | AddEsth
                Wisdom of Solomon     | Wis
                Wisdom                | Wis
                Sirach                | Sir
                Ecclesiasticus        | Sir
                Baruch                | Bar
                Letter of Jeremiah    | EpJer
                Prayer of Azariah     | PrAzar
                Song of the Three Young Men | PrAzar
                Susanna               | Sus
                Bel and the Dragon    | Bel
                1 Maccabees           | 1Macc
                2 Macc                | 2Macc
                Prayer of Manasseh    | PrMan
                1 Esdras              | 1Esd
                2 Esdras              | 2Esd
                Esdras                | Ezra
                """)
        void readsDeuterocanonicalNames(String name, String osis) {
            assertThat(names.lookup(name)).contains(osis);
        }

        @ParameterizedTest
        @ValueSource(strings = {"jn", "JN", "JN.", "jN.", " Jn ", "génesis", "GÉNESIS", "genesis", "1co", "1 CO.",
                "i cor"})
        void ignoresCaseAccentsFullStopsAndSurroundingSpace(String name) {
            assertThat(names.lookup(name)).isPresent();
        }

        @Test
        void readsAccentsWrittenAsCombiningMarks() {
            String decomposed = Normalizer.normalize("Génesis", Normalizer.Form.NFD);

            assertThat(decomposed).hasSize(8);
            assertThat(names.lookup(decomposed)).contains("Gen");
        }

        @Test
        void readsEverySpellingOfTheTableInAnyCase() {
            for (String osis : names.osisIds()) {
                for (String spelling : names.spellings(osis)) {
                    if (spelling.matches(".*\\d$")) continue; // "Psalm 151" is for display only
                    assertThat(names.lookup(spelling)).as(spelling).contains(osis);
                    assertThat(names.lookup(spelling.toUpperCase(Locale.ROOT))).as(spelling).contains(osis);
                    assertThat(names.lookup(spelling.toLowerCase(Locale.ROOT) + ".")).as(spelling).contains(osis);
                }
            }
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Gene    | Gen
                Apoc    | Rev
                Filip   | Phil
                Phile   | Phlm
                Phili   | Phil
                Lament  | Lam
                Hebr    | Heb
                1 Corin | 1Cor
                """)
        void readsTheUnambiguousBeginningOfAName(String name, String osis) {
            assertThat(names.lookup(name)).contains(osis);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Phi", "Ju", "Ma"})
        void refusesABeginningSharedByTwoBooks(String name) {
            assertThat(names.lookup(name)).isEmpty();
        }

        @Test
        void prefersTheTablesAbbreviationToABeginning() {
            // "Eccl" begins Ecclesiasticus too, "Jud" Judges and Judith: the table decides
            assertThat(names.lookup("Eccl")).contains("Eccl");
            assertThat(names.lookup("Jud")).contains("Jude");
            assertThat(names.lookup("Fil")).contains("Phil");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "Jhnn", "Johnson", "John 3", "5 John", "Jo", "3:16", "."})
        void findsNothingForWhatIsNotABookName(String name) {
            assertThat(names.lookup(name)).isEmpty();
        }
    }
}
