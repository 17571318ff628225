package org.gospelib.content.internal.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every commentary entry held with the snapshot, by the KJV ordinals of the verses it covers,
 * sorted by its first verse: finding the entries on a passage is a binary search and a short scan.
 */
public final class Commentaries {

    public static final Commentaries EMPTY = new Commentaries(List.of());

    /** An entry and the verses it covers, as KJV ordinals. */
    public record Entry(String module, int position, int start, int end, String title, String text, List<String> cites) {

        /** The entry's graph node key, stable while the module's version is. */
        String key() {
            return "commentary:" + module + ":" + position;
        }
    }

    private final Entry[] byStart;
    private final int longestSpan;

    public Commentaries(List<Entry> entries) {
        this.byStart = entries.toArray(Entry[]::new);
        Arrays.sort(byStart, Comparator.comparingInt(Entry::start).thenComparingInt(Entry::end));
        this.longestSpan = entries.stream().mapToInt(e -> e.end() - e.start()).max().orElse(0);
    }

    /** Entries that cover any verse from {@code first} to {@code last}, in canonical then module order. */
    public List<Entry> covering(int first, int last) {
        List<Entry> found = new ArrayList<>();
        int from = lowerBound(first - longestSpan);
        for (int i = from; i < byStart.length && byStart[i].start() <= last; i++) {
            if (byStart[i].end() >= first) found.add(byStart[i]);
        }
        return found;
    }

    public List<Entry> all() {
        return List.of(byStart);
    }

    public int size() {
        return byStart.length;
    }

    private int lowerBound(int start) {
        int lo = 0;
        int hi = byStart.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byStart[mid].start() < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
