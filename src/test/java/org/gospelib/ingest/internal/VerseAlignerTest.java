package org.gospelib.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gospelib.scripture.VerseRef;
import org.junit.jupiter.api.Test;

class VerseAlignerTest {

    @Test
    void findsNothingToRecordWhenTheTranslationFollowsKjvNumbering() {
        List<VerseAligner.Slot> kjv = chapter(10, 0);
        assertThat(VerseAligner.alignBook(kjv, chapter(10, 0))).isEmpty();
    }

    @Test
    void followsTextThatMovedToTheNextNumberBehindAnEmptySlot() {
        // KJV 1:1..1:10; the translation leaves 1:3 empty and carries 1:3..1:9 one slot later, merging 1:10 into 1:10.
        List<VerseAligner.Slot> kjv = chapter(10, 0);
        List<VerseAligner.Slot> slots = new ArrayList<>();
        for (int v = 1; v <= 10; v++) {
            Set<String> lemmas = v < 3 ? lemmas(v) : v == 3 ? Set.of() : lemmas(v - 1);
            if (v == 10) lemmas = union(lemmas(9), lemmas(10));
            slots.add(new VerseAligner.Slot(ref(v), !lemmas.isEmpty(), lemmas));
        }
        List<VerseAligner.Shift> shifts = VerseAligner.alignBook(kjv, slots);
        assertThat(shifts).contains(new VerseAligner.Shift(ref(3), Optional.of(ref(4))),
                new VerseAligner.Shift(ref(8), Optional.of(ref(9))));
        assertThat(shifts).doesNotContain(new VerseAligner.Shift(ref(10), Optional.of(ref(10))));
        assertThat(shifts).noneMatch(s -> s.kjvRef().equals(ref(1)) || s.kjvRef().equals(ref(2)));
    }

    @Test
    void keepsTheSameNumberWhenNeighboursShareSomeWords() {
        List<VerseAligner.Slot> kjv = new ArrayList<>();
        List<VerseAligner.Slot> slots = new ArrayList<>();
        for (int v = 1; v <= 6; v++) {
            kjv.add(new VerseAligner.Slot(ref(v), true, union(lemmas(v), Set.of("H3068"))));
            // the translation tags fewer words, and tags the shared one everywhere
            slots.add(new VerseAligner.Slot(ref(v), true, Set.of("H3068", "w" + v + "a")));
        }
        assertThat(VerseAligner.alignBook(kjv, slots)).isEmpty();
    }

    @Test
    void keepsUntaggedTextWhereItIs() {
        List<VerseAligner.Slot> kjv = chapter(6, 0);
        List<VerseAligner.Slot> slots = new ArrayList<>();
        for (int v = 1; v <= 6; v++) slots.add(new VerseAligner.Slot(ref(v), true, Set.of()));
        assertThat(VerseAligner.alignBook(kjv, slots)).isEmpty();
    }

    @Test
    void findsAVerseMovedFarBeyondTheBand() {
        List<VerseAligner.Slot> kjv = chapter(60, 0);
        List<VerseAligner.Slot> slots = new ArrayList<>(chapter(60, 0));
        slots.set(9, new VerseAligner.Slot(ref(10), true, union(lemmas(10), lemmas(60))));
        slots.set(59, new VerseAligner.Slot(ref(60), false, Set.of()));
        assertThat(VerseAligner.alignBook(kjv, slots)).containsExactly(new VerseAligner.Shift(ref(60), Optional.of(ref(10))));
    }

    @Test
    void reportsAKjvVerseWithNoTextAnywhere() {
        List<VerseAligner.Slot> kjv = chapter(5, 0);
        List<VerseAligner.Slot> slots = new ArrayList<>(chapter(5, 0));
        slots.set(4, new VerseAligner.Slot(ref(5), false, Set.of()));
        assertThat(VerseAligner.alignBook(kjv, slots)).containsExactly(new VerseAligner.Shift(ref(5), Optional.empty()));
    }

    private static List<VerseAligner.Slot> chapter(int verses, int shift) {
        List<VerseAligner.Slot> slots = new ArrayList<>();
        for (int v = 1; v <= verses; v++) slots.add(new VerseAligner.Slot(ref(v), true, lemmas(v + shift)));
        return slots;
    }

    private static Set<String> lemmas(int verse) {
        return Set.of("w" + verse + "a", "w" + verse + "b", "w" + verse + "c", "w" + verse + "d");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static VerseRef ref(int verse) {
        return VerseRef.of("Gen", 1, verse);
    }
}
