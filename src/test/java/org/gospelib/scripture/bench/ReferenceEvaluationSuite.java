package org.gospelib.scripture.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * A generated evaluation suite for {@link org.gospelib.scripture.ReferenceParser}: thousands of
 * references as people write them, in English and Spanish, each with the OSIS a careful reader
 * would give it, in categories that each stress one thing (names, misspellings, ordinals,
 * traditions, titles, connecting words, typography, sentences that are no reference at all).
 *
 * <p>The expected answers come from the generator's own structure: it chooses book, chapter and
 * verses from the versification, then writes them with its own spelling tables
 * ({@link Spellings}, {@link Titles}, {@link Ordinals}). Nothing is taken from the parser or its
 * name tables, so the suite can tell where the parser falls short. Generation is deterministic:
 * each category draws from its own fixed seed, so that changing one category leaves the others'
 * cases as they were.
 */
public final class ReferenceEvaluationSuite {

    /**
     * One case.
     *
     * @param category     the category's name, such as {@code misspelled}
     * @param input        the text given to the parser
     * @param expectedOsis the normalised OSIS expected, or null when the text is not a reference
     *                     and must be refused
     */
    public record Case(String category, String input, String expectedOsis) {
        public boolean isReference() {
            return expectedOsis != null;
        }
    }

    /** Cases drawn per category: roughly balanced, 9 × 720 = 6,480 in all. */
    static final int CASES_PER_CATEGORY = 720;
    private static final long SEED = 20_240_617L;
    /** A category whose generator keeps repeating itself gives up after this many draws per case. */
    private static final int DRAWS_PER_CASE = 40;

    /** The categories in report order, each with its generator. */
    static final Map<String, Function<Random, Case>> CATEGORIES = categories();

    private ReferenceEvaluationSuite() {
    }

    private static Map<String, Function<Random, Case>> categories() {
        Map<String, Function<Random, Case>> categories = new LinkedHashMap<>();
        categories.put("standard", NameCases::standard);
        categories.put("misspelled", NameCases::misspelled);
        categories.put("ordinal", NameCases::ordinal);
        categories.put("septuagint", NameCases::septuagint);
        categories.put("titles", NameCases::titles);
        categories.put("connectors", ConnectorCases::next);
        categories.put("notation", NotationCases::next);
        categories.put("spanish", NameCases::spanish);
        categories.put("not-a-reference", NonReferenceCases::next);
        return categories;
    }

    /** The whole suite, category by category, in a fixed order. */
    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Set<String> inputs = new HashSet<>();
        CATEGORIES.forEach((name, generator) -> cases.addAll(draw(name, generator, inputs)));
        return List.copyOf(cases);
    }

    /**
     * Draws until the category has its share of distinct inputs. An input already drawn, in this
     * category or an earlier one, is skipped, so that no text is counted twice.
     */
    private static List<Case> draw(String name, Function<Random, Case> generator, Set<String> inputs) {
        Random random = new Random(SEED ^ name.hashCode());
        List<Case> drawn = new ArrayList<>(CASES_PER_CATEGORY);
        for (int draws = 0; drawn.size() < CASES_PER_CATEGORY && draws < CASES_PER_CATEGORY * DRAWS_PER_CASE; draws++) {
            Case c = generator.apply(random);
            if (c == null) continue;
            if (!c.category().equals(name)) throw new IllegalStateException(name + " made a case of " + c.category());
            if (inputs.add(c.input())) drawn.add(c);
        }
        return drawn;
    }
}
