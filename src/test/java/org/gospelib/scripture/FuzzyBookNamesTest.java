package org.gospelib.scripture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzyBookNamesTest {

    private final BookNames names = BookNames.standard();
    private final FuzzyBookNames fuzzy = names.fuzzy();

    @Test
    void readsWhatPeopleMisspell() {
        String[][] cases = {{"genisis", "Gen"}, {"phillipians", "Phil"}, {"mathew", "Matt"}, {"ecclesiates", "Eccl"},
                {"1corinthains", "1Cor"}, {"psalsm", "Ps"}, {"deuteronomey", "Deut"}, {"zachariah", "Zech"},
                {"1thessalonains", "1Thess"}, {"habbakuk", "Hab"}, {"levitcus", "Lev"}, {"galations", "Gal"},
                {"amso", "Amos"}, {"acst", "Acts"}};
        for (String[] c : cases) assertThat(names.osisId(fuzzy.book(c[0]))).as(c[0]).isEqualTo(c[1]);
    }

    @Test
    void shortWordsAndOrdinalsAreNeverGuessed() {
        assertThat(fuzzy.book("jbo")).isEqualTo(-1); // three letters: too short to guess
        assertThat(fuzzy.book("jhon")).isEqualTo(-1); // John, or Jon (Jonah): between two names, no guess
        assertThat(fuzzy.book("mark")).isNotEqualTo(names.indexOf("Matt"));
        assertThat(fuzzy.book("4john")).isEqualTo(-1); // the ordinal is never edited
    }

    /**
     * Every one-edit variant of every name either reads as that name's own book or not at all:
     * a misspelling is never taken for another book, in either language.
     */
    @Test
    void noEditOfANameReachesAnotherBook() {
        int checked = 0;
        List<String> collisions = new ArrayList<>();
        for (BookNames.NameKey name : names.nameKeys()) {
            for (String variant : oneEditVariants(name.key())) {
                int found = fuzzy.book(variant);
                checked++;
                if (found >= 0 && found != name.book() && !isAnotherBooksName(variant, found)) {
                    collisions.add(variant + " (from " + name.name() + ") → " + names.osisId(found));
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
        assertThat(collisions).isEmpty();
    }

    /** A variant that is itself a spelling of the book found is a name, not a collision. */
    private boolean isAnotherBooksName(String variant, int book) {
        return names.lookup(variant).map(osis -> osis.equals(names.osisId(book))).orElse(false);
    }

    private static List<String> oneEditVariants(String key) {
        List<String> variants = new ArrayList<>();
        int start = TextChars.isDigit(key.charAt(0)) ? 1 : 0;
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = start; i < key.length(); i++) {
            variants.add(key.substring(0, i) + key.substring(i + 1));
            if (i + 1 < key.length()) variants.add(key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2));
            for (char c : letters.toCharArray()) variants.add(key.substring(0, i) + c + key.substring(i + 1));
        }
        for (int i = start; i <= key.length(); i++) {
            for (char c : letters.toCharArray()) variants.add(key.substring(0, i) + c + key.substring(i));
        }
        variants.removeIf(v -> v.length() <= start);
        return variants;
    }
}
