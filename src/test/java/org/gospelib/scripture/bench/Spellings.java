package org.gospelib.scripture.bench;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The evaluation's own book names: how people write each book in English and Spanish, its usual
 * abbreviations and the misspellings people really type. Written for this suite from general
 * knowledge, deliberately not read from the parser's tables, so that the evaluation measures the
 * parser against an independent idea of what readers write.
 *
 * <p>Numbered books (1 Samuel, 2 Corinthians, 3 John) share one row and list their names without
 * the number; {@link Book#number()} says which one a book is.
 */
final class Spellings {

    /**
     * One book's spellings.
     *
     * @param osis                 OSIS id of the book
     * @param number               1, 2 or 3 for a numbered book, 0 otherwise
     * @param english              English names (for numbered books without the number)
     * @param englishAbbreviations English abbreviations (idem)
     * @param spanish              Spanish names, with their accents (idem)
     * @param spanishAbbreviations Spanish abbreviations (idem)
     * @param englishMisspellings  misspellings of the English name (idem)
     * @param spanishMisspellings  misspellings of the Spanish name (idem)
     */
    record Book(String osis, int number, List<String> english, List<String> englishAbbreviations,
                List<String> spanish, List<String> spanishAbbreviations,
                List<String> englishMisspellings, List<String> spanishMisspellings) {

        boolean numbered() {
            return number > 0;
        }

        /** "1 Corinthians" from "Corinthians"; a name as is for other books. */
        String withNumber(String stem) {
            return numbered() ? number + " " + stem : stem;
        }
    }

    /*
     * osis ids | English names | English abbreviations | Spanish names | Spanish abbreviations |
     * English misspellings | Spanish misspellings. Abbreviations are those in common use; rare ones
     * and those that are an ordinary word of the other language ("La" for Lamentations) are left
     * out. Misspellings are one letter dropped, doubled, swapped or a sound spelled another way;
     * never a beginning of a right name (that would be an abbreviation) and never a name in another
     * tradition (Isaias, Ecclesiasticus).
     */
    private static final String TABLE = """
            Gen | Genesis | Gen, Gn, Ge | Génesis | Gn, Gén | Genisis, Gensis, Geneses, Genesys | Génisis, Jénesis, Genecis
            Exod | Exodus | Exod, Ex, Exo | Éxodo | Ex, Éx | Exodos, Exidus, Exdous | Exsodo, Éxido, Egsodo
            Lev | Leviticus | Lev, Lv | Levítico | Lv, Lev | Levitcus, Leviticuss, Levitikus, Leveticus | Levitco, Lebítico, Levíticos
            Num | Numbers | Num, Nm, Numb | Números | Nm, Núm | Numbres, Numers, Nubmers | Númros, Numerso
            Deut | Deuteronomy | Deut, Dt | Deuteronomio | Dt, Deut | Deuteronomey, Duteronomy, Deutoronomy, Deuteronmy | Deuteronomo, Deutoronomio, Deuteronimio
            Josh | Joshua | Josh, Jos | Josué | Jos | Joshuah, Jushua, Johsua | Jozué, Josuéh
            Judg | Judges | Judg, Jdg, Jdgs | Jueces | Jue, Jc | Judjes, Jugdes, Juges | Juezes, Jueses
            Ruth | Ruth | Ru, Rth | Rut | Rt | Ruht, Rutth | Rutt
            1Sam 2Sam | Samuel | Sam, Sa, Sm | Samuel | S, Sam, Sm | Samual, Samule, Sameul | Samuell, Zamuel
            1Kgs 2Kgs | Kings | Kgs, Ki | Reyes | R, Re, Rey | Kigns, Kngs, Kinsg | Reyess, Reies, Rayes
            1Chr 2Chr | Chronicles | Chr, Chron, Ch | Crónicas | Cr, Crón | Chronicals, Cronicles, Chronciles, Chronicels | Crónicaz, Crónics, Corónicas
            Ezra | Ezra | Ezr | Esdras | Esd | Ezrah, Ezrra | Ezdras, Esdrass
            Neh | Nehemiah | Neh, Ne | Nehemías | Neh, Ne | Nehamiah, Nehimiah, Nehemaih | Neemías, Nehemíaz
            Esth | Esther | Esth, Est | Ester | Est | Eshter, Esthr, Estehr | Esterr, Estter
            Job | Job | Jb | Job | Jb | Jobb, Jbo | Jobb, Jov
            Ps | Psalms, Psalm | Ps, Psa, Pss | Salmos, Salmo | Sal, Sl | Psalsm, Pslams, Psams, Salms | Salmso, Zalmos, Slamos
            Prov | Proverbs | Prov, Pr, Prv | Proverbios | Pr, Prov | Proverbes, Provebs, Porverbs, Proverps | Proberbios, Probervios, Provervios
            Eccl | Ecclesiastes | Eccl, Eccles, Ecc, Qoh | Eclesiastés | Ec, Ecl | Ecclesiates, Ecclesiastis, Ecclesiasties | Eclesiatés, Eclesiastéz, Eclesiaztés
            Song | Song of Solomon, Song of Songs | Song, Sg | Cantares, Cantar de los Cantares | Cnt, Cant, Ct | Song of Soloman, Song of Salomon, Songs of Solomon | Cantarez, Cantarres
            Isa | Isaiah | Isa, Is | Isaías | Is | Isiah, Isaih, Isaiha, Isaah | Isaíaz, Izaías, Isaís
            Jer | Jeremiah | Jer, Jr | Jeremías | Jr, Jer | Jermiah, Jeremaih, Jerimiah | Jeremíaz, Geremías, Jeremís
            Lam | Lamentations | Lam | Lamentaciones | Lm, Lam | Lamentatons, Lamintations, Lamentaions | Lamentasiones, Lamentaziones
            Ezek | Ezekiel | Ezek, Eze, Ezk | Ezequiel | Ez | Ezekial, Ezekeil, Ezikiel | Esequiel, Ezequiell, Ezeqiel
            Dan | Daniel | Dan, Dn, Da | Daniel | Dn, Dan | Danial, Daneil, Dainel | Danniel, Danyel
            Hos | Hosea | Hos, Ho | Oseas | Os | Hosia, Hoseah, Hosae | Ozeas, Oceas, Oseaz
            Joel | Joel | Jl | Joel | Jl | Joell, Jole | Joell
            Amos | Amos | Am | Amós | Am | Ammos, Amso | Ammós, Amoz
            Obad | Obadiah | Obad, Ob, Oba | Abdías | Abd | Obediah, Obadaih, Obidiah, Obadyah | Abdíaz, Avdías
            Jonah | Jonah | Jnh | Jonás | | Jonha, Jonnah, Joanh | Jonnás, Yonás
            Mic | Micah | Mic, Mi | Miqueas | Mi, Miq | Michah, Mikah, Miach | Miqeas, Miqueaz, Mikeas
            Nah | Nahum | Nah, Na | Nahúm | Nah | Naham, Nahumm, Nahmu | Naúm, Nahun
            Hab | Habakkuk | Hab, Hb | Habacuc | Hab | Habbakuk, Habakuk, Habbakkuk, Habakkuc | Havacuc, Habacuk, Abacuc
            Zeph | Zephaniah | Zeph, Zep, Zp | Sofonías | Sof | Zepheniah, Zephaniha, Zaphaniah | Zofonías, Sofonnías
            Hag | Haggai | Hag, Hg | Hageo | Hag | Hagai, Haggia, Hagggai | Hajeo, Hageoo
            Zech | Zechariah | Zech, Zec, Zc | Zacarías | Zac | Zachariah, Zechariha, Zecharaiah, Zekariah | Sacarías, Zacaríaz
            Mal | Malachi | Mal, Ml | Malaquías | Mal | Malachai, Malichi, Malachy | Malaquíaz, Malakías, Malaquís
            Matt | Matthew | Matt, Mt, Mat | Mateo, San Mateo | Mt, Mat | Mathew, Matthews, Mattew, Matthw | Matteo, Matheo
            Mark | Mark | Mk, Mrk | Marcos, San Marcos | Mc, Mr | Marck, Mrak, Makr | Marcoz, Marocs, Marcso
            Luke | Luke | Lk, Luk | Lucas, San Lucas | Lc, Luc | Luek, Lukke, Lkue | Lukas, Lucaz, Lucsa
            John | John | Jn, Jhn | Juan, San Juan | Jn | Jhon, Jonh, Johm | Jaun, Juna, Juaan
            Acts | Acts | Ac | Hechos | Hch, Hech | Acst, Actts, Atcs | Echos, Hechso, Hehcos
            Rom | Romans | Rom, Ro, Rm | Romanos | Ro, Rom | Romands, Romens, Roamns, Romasn | Romamos, Romnaos, Rromanos
            1Cor 2Cor | Corinthians | Cor, Co | Corintios | Co, Cor | Corinthains, Corintians, Corrinthians, Chorinthians | Corintos, Corrintios, Corintioss
            Gal | Galatians | Gal, Ga | Gálatas | Gá, Gal | Galations, Galatains, Glatians | Gálatass, Gálatsa, Galátaz
            Eph | Ephesians | Eph, Ephes | Efesios | Ef | Ephesains, Ephisians, Ephesions | Efecios, Efesioss, Efessios
            Phil | Philippians | Phil, Php | Filipenses | Flp, Fil | Phillipians, Philipians, Phillippians, Philippains | Filipences, Filipensis, Filipenes
            Col | Colossians | Col | Colosenses | Col | Colosians, Collosians, Colossions | Colocenses, Colosences, Colossenses
            1Thess 2Thess | Thessalonians | Thess, Th, Thes | Tesalonicenses | Ts, Tes | Thessalonains, Thesalonians, Thessolonians | Tesalonisenses, Tesalonicences, Tessalonicenses
            1Tim 2Tim | Timothy | Tim, Ti | Timoteo | Ti, Tim | Timothey, Timoty, Timithy | Timotio, Timotheo, Timoeto
            Titus | Titus | Tit | Tito | Tit | Tittus, Tytus, Ttius | Titto, Tiito
            Phlm | Philemon | Phlm, Philem, Phm | Filemón | Flm | Philemom, Philemen, Phileman | Filemom, Filimón
            Heb | Hebrews | Heb | Hebreos | Heb | Hebrewes, Hebrws, Heberws | Ebreos, Hebrios, Hebreoss
            Jas | James | Jas, Jm | Santiago | Stg, Sant | Jamse, Jmaes, Jamess | Santigo, Santiaog, Santyago
            1Pet 2Pet | Peter | Pet, Pt, Pe | Pedro | P, Pe | Petter, Peteer, Pter | Pedor, Pedrro, Pdero
            1John 2John 3John | John | Jn, Jhn | Juan | Jn | Jhon, Jonh, Johm | Jaun, Juna, Juaan
            Jude | Jude | | Judas | | Jdue, Juude, Jued | Judass, Judaz
            Rev | Revelation | Rev, Rv | Apocalipsis | Ap, Apoc | Revelations, Revalation, Revelaton, Revleation | Apocalypsis, Apocalisis, Apocalipcis, Apocalipssis
            Tob | Tobit | Tob, Tb | Tobías | Tb, Tob | |
            Jdt | Judith | Jdt, Jdth | Judit | Jdt | |
            Wis | Wisdom of Solomon, Wisdom | Wis, Ws | Sabiduría | Sab, Sb | |
            Sir | Sirach, Ecclesiasticus | Sir, Ecclus | Eclesiástico | Eclo | |
            Bar | Baruch | Bar | Baruc | Bar | |
            1Macc 2Macc | Maccabees | Macc, Mac | Macabeos | Mac | |
            """;

    /** The 66 books of the Protestant canon, in KJV order. */
    static final List<String> PROTESTANT_CANON = List.of(
            "Gen", "Exod", "Lev", "Num", "Deut", "Josh", "Judg", "Ruth", "1Sam", "2Sam", "1Kgs", "2Kgs",
            "1Chr", "2Chr", "Ezra", "Neh", "Esth", "Job", "Ps", "Prov", "Eccl", "Song", "Isa", "Jer", "Lam",
            "Ezek", "Dan", "Hos", "Joel", "Amos", "Obad", "Jonah", "Mic", "Nah", "Hab", "Zeph", "Hag", "Zech",
            "Mal", "Matt", "Mark", "Luke", "John", "Acts", "Rom", "1Cor", "2Cor", "Gal", "Eph", "Phil", "Col",
            "1Thess", "2Thess", "1Tim", "2Tim", "Titus", "Phlm", "Heb", "Jas", "1Pet", "2Pet", "1John", "2John",
            "3John", "Jude", "Rev");

    /** Deuterocanonical books the suite uses (KJVA numbering); those of one chapter are left out. */
    static final List<String> DEUTEROCANON = List.of("Tob", "Jdt", "Wis", "Sir", "Bar", "1Macc", "2Macc");

    private static final Map<String, Book> BOOKS = read();

    private Spellings() {
    }

    static Book of(String osis) {
        Book book = BOOKS.get(osis);
        if (book == null) throw new IllegalArgumentException("no spellings for " + osis);
        return book;
    }

    static List<Book> all() {
        return List.copyOf(BOOKS.values());
    }

    /** An English name or abbreviation, full names half of the time. */
    static String english(Book book, Random random) {
        return random.nextBoolean() || book.englishAbbreviations().isEmpty()
                ? book.withNumber(pick(book.english(), random))
                : abbreviation(book, book.englishAbbreviations(), random);
    }

    /** A Spanish name, with or without its accents, or an abbreviation. */
    static String spanish(Book book, Random random) {
        int roll = random.nextInt(4);
        if (roll == 3 && !book.spanishAbbreviations().isEmpty()) {
            return abbreviation(book, book.spanishAbbreviations(), random);
        }
        String name = book.withNumber(pick(book.spanish(), random));
        return roll == 2 ? stripAccents(name) : name;
    }

    /** An abbreviation, sometimes with a full stop, for numbered books sometimes without the space. */
    static String abbreviation(Book book, List<String> abbreviations, Random random) {
        String abbreviation = pick(abbreviations, random) + (random.nextInt(4) == 0 ? "." : "");
        if (!book.numbered()) return abbreviation;
        return book.number() + (random.nextInt(5) == 0 ? "" : " ") + abbreviation;
    }

    static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }

    static String stripAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Lower case, no accents, spaces or full stops: how two spellings are compared. */
    static String folded(String text) {
        return stripAccents(text).toLowerCase(Locale.ROOT).replaceAll("[\\s.]", "");
    }

    private static Map<String, Book> read() {
        Map<String, Book> books = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cols = line.split("\\|", -1);
            if (cols.length != 7) throw new IllegalStateException("spellings row needs 7 columns: " + line);
            for (String osis : cols[0].trim().split(" ")) {
                int number = Character.isDigit(osis.charAt(0)) ? osis.charAt(0) - '0' : 0;
                books.put(osis, new Book(osis, number, list(cols[1]), list(cols[2]), list(cols[3]), list(cols[4]),
                        list(cols[5]), list(cols[6])));
            }
        }
        return books;
    }

    private static List<String> list(String column) {
        return column.isBlank() ? List.of() : Arrays.stream(column.split(",")).map(String::trim).toList();
    }
}
