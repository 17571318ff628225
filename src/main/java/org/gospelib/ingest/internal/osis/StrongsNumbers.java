package org.gospelib.ingest.internal.osis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gospelib.scripture.StrongsNumber;

/**
 * Strong's numbers in OSIS {@code lemma} attributes, normalised to {@code H430} / {@code G26}.
 *
 * <p>A lemma attribute is a space-separated list of {@code prefix:value} tokens, where a token
 * without a prefix continues the previous token's prefix: {@code strong:H0430},
 * {@code strong:H0430 strong:H0433}, {@code strong:G1234 G5678} (one prefix for several numbers)
 * and {@code strong:G3588 lemma.TR:ὁ} all occur. Only {@code strong:} values are numbers;
 * other lemma schemes are skipped. Normalising drops leading zeros and anything after the digits
 * (augmented suffixes such as {@code H1254a} fold onto the plain Strong's entry that
 * GospeLib's lexicons are keyed by). A number without its H/G letter cannot be placed and is
 * skipped.
 */
public final class StrongsNumbers {

    private StrongsNumbers() {
    }

    /** The distinct Strong's numbers of a lemma attribute, in order of appearance. */
    public static List<String> parse(String lemma) {
        Set<String> numbers = new LinkedHashSet<>();
        String prefix = "";
        for (String token : lemma.trim().split("\\s+")) {
            if (token.isEmpty()) continue;
            String value = token;
            int colon = token.indexOf(':');
            if (colon >= 0) {
                prefix = token.substring(0, colon).toLowerCase(Locale.ROOT);
                value = token.substring(colon + 1);
            }
            if (prefix.equals("strong")) normalize(value).ifPresent(numbers::add);
        }
        return new ArrayList<>(numbers);
    }

    /** {@code H0430} → {@code H430}, {@code H1254a} → {@code H1254}; empty if the value is not a Strong's number. */
    public static Optional<String> normalize(String value) {
        return StrongsNumber.parse(value).map(StrongsNumber::id);
    }
}
