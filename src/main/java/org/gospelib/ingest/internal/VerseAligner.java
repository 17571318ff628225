package org.gospelib.ingest.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gospelib.scripture.VerseRef;

/**
 * Finds where a translation's text really sits relative to KJV numbering, using the Strong's
 * numbers both carry. Some modules claim KJV numbering but shift text (Reina-Valera 1909 puts
 * KJV Num 12:16 at 13:1, merges Job 40:1-5 into 39:30, leaves the old slots empty); a parallel
 * view that trusted the numbers would pair unrelated verses.
 *
 * <p>Per book, a banded dynamic programme aligns the KJV verses with the translation's slots
 * monotonically, scoring a pairing by how many of the KJV verse's lemmas the slot contains. A
 * slot may take several KJV verses (merged), a slot may stay unpaired (empty or extra), and a
 * KJV verse may find nothing. Where the translation follows KJV, the identity pairing scores
 * best and nothing is recorded.
 */
final class VerseAligner {

    /** How far text may drift from its KJV number, in verses. */
    private static final int BAND = 12;
    private static final double SKIP_SLOT = -0.05;
    private static final double SKIP_VERSE = -0.35;
    private static final double MERGE = -0.05;
    /** Trust in the module's own numbers: a shift must be clearly better before it is believed. */
    private static final double SAME_NUMBER = 0.25;
    private static final int FAR_MIN_LEMMAS = 4;
    private static final double FAR_MIN_SIMILARITY = 0.8;

    /** A verse position, whether it has text, and the lemmas of that text (possibly none tagged). */
    record Slot(VerseRef ref, boolean hasText, Set<String> strongs) {
    }

    /** A KJV verse and the slot holding its text, when that is not the slot of the same number. */
    record Shift(VerseRef kjvRef, Optional<VerseRef> nativeRef) {
    }

    private VerseAligner() {
    }

    /**
     * Aligns one book.
     *
     * @param kjv   the KJV verses of the book, in order
     * @param slots the translation's slots of the book in KJV numbering, in order, empty ones included
     * @return only the verses whose text is not at their own number
     */
    static List<Shift> alignBook(List<Slot> kjv, List<Slot> slots) {
        int n = kjv.size();
        int m = slots.size();
        if (n == 0 || m == 0) return List.of();
        double[][] score = new double[n + 1][m + 1];
        byte[][] move = new byte[n + 1][m + 1];
        for (double[] row : score) java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
        score[0][0] = 0;
        for (int i = 0; i <= n; i++) {
            int lo = Math.max(0, i - BAND);
            int hi = Math.min(m, i + BAND);
            for (int j = lo; j <= hi; j++) {
                if (i == 0 && j == 0) continue;
                double best = Double.NEGATIVE_INFINITY;
                byte how = 0;
                if (i > 0 && j > 0 && score[i - 1][j - 1] > Double.NEGATIVE_INFINITY) {
                    double s = score[i - 1][j - 1] + similarity(kjv.get(i - 1), slots.get(j - 1))
                            + (kjv.get(i - 1).ref().equals(slots.get(j - 1).ref()) ? SAME_NUMBER : 0);
                    if (s > best) { best = s; how = 1; }
                }
                if (j > 0 && score[i][j - 1] > Double.NEGATIVE_INFINITY) {
                    double s = score[i][j - 1] + SKIP_SLOT;
                    if (s > best) { best = s; how = 2; }
                }
                if (i > 0 && score[i - 1][j] > Double.NEGATIVE_INFINITY) {
                    // KJV verse i-1 has no slot of its own: either merged into slot j-1, or missing.
                    double merged = j > 0 && move[i - 1][j] != 2 && slots.get(j - 1).hasText()
                            ? score[i - 1][j] + similarity(kjv.get(i - 1), slots.get(j - 1)) + MERGE
                            : Double.NEGATIVE_INFINITY;
                    double missing = score[i - 1][j] + SKIP_VERSE;
                    if (merged > best && merged >= missing) { best = merged; how = 3; }
                    else if (missing > best) { best = missing; how = 4; }
                }
                score[i][j] = best;
                move[i][j] = how;
            }
        }
        Map<Integer, Integer> slotOfVerse = new HashMap<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            switch (move[i][j]) {
                case 1 -> { slotOfVerse.put(i - 1, j - 1); i--; j--; }
                case 2 -> j--;
                case 3 -> { slotOfVerse.put(i - 1, j - 1); i--; }
                case 4 -> i--;
                default -> throw new IllegalStateException("alignment fell outside its band at " + i + "," + j);
            }
        }
        List<Shift> shifts = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            VerseRef kjvRef = kjv.get(v).ref();
            Integer s = slotOfVerse.get(v);
            Optional<VerseRef> nativeRef = s == null || !slots.get(s).hasText()
                    ? farAway(kjv.get(v), slots) : Optional.of(slots.get(s).ref());
            if (!nativeRef.equals(Optional.of(kjvRef))) shifts.add(new Shift(kjvRef, nativeRef));
        }
        return shifts;
    }

    /**
     * A verse the banded alignment found no slot for may have been moved far, beyond the band:
     * WEB appends the doxology of Romans 16:25-27 to 14:23. Accept a slot anywhere in the book
     * only when it holds nearly all of a verse's lemmas, and only for verses with enough lemmas
     * to make that telling.
     */
    private static Optional<VerseRef> farAway(Slot verse, List<Slot> slots) {
        if (verse.strongs().size() < FAR_MIN_LEMMAS) return Optional.empty();
        Slot best = null;
        double bestScore = FAR_MIN_SIMILARITY;
        for (Slot slot : slots) {
            double score = similarity(verse, slot);
            if (score > bestScore) {
                best = slot;
                bestScore = score;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.ref());
    }

    /** Share of the KJV verse's lemmas found in the slot: 1 for a faithful pairing, 0 for an empty slot. */
    static double similarity(Slot kjvVerse, Slot slot) {
        if (kjvVerse.strongs().isEmpty() || slot.strongs().isEmpty()) return 0;
        int shared = 0;
        for (String lemma : kjvVerse.strongs()) if (slot.strongs().contains(lemma)) shared++;
        return (double) shared / kjvVerse.strongs().size();
    }
}
