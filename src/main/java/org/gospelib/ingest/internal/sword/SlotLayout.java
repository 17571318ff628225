package org.gospelib.ingest.internal.sword;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gospelib.scripture.BookLayout;
import org.gospelib.scripture.Testament;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * Where each key sits in a testament's verse index, as SWORD lays it out: slot 0 holds the
 * module heading (only the Old Testament's is used), slot 1 the testament heading, then for each
 * book of the testament one introduction slot followed, for each chapter, by one chapter-heading
 * slot and the chapter's verses.
 */
final class SlotLayout {

    /** A slot: which testament file and which record of its verse index. */
    record Position(Testament testament, int index) {
    }

    private final Map<Testament, EntryKey[]> keys = new EnumMap<>(Testament.class);
    private final Map<EntryKey, Position> positions = new HashMap<>();

    SlotLayout(Versification versification) {
        for (Testament testament : Testament.values()) {
            List<EntryKey> slots = new ArrayList<>();
            // The New Testament's slot 0 is reserved but unused: the module heading lives once, in the Old.
            slots.add(testament == Testament.OT ? new EntryKey.ModuleHeading() : null);
            slots.add(new EntryKey.TestamentHeading(testament));
            for (BookLayout book : versification.books()) {
                if (book.testament() != testament) continue;
                slots.add(new EntryKey.BookIntro(book.osisId()));
                for (int chapter = 1; chapter <= book.chapterCount(); chapter++) {
                    slots.add(new EntryKey.ChapterHeading(book.osisId(), chapter));
                    for (int verse = 1; verse <= book.verseCount(chapter); verse++) {
                        slots.add(new EntryKey.Verse(new VerseRef(book.osisId(), chapter, verse)));
                    }
                }
            }
            EntryKey[] array = slots.toArray(EntryKey[]::new);
            keys.put(testament, array);
            for (int i = 0; i < array.length; i++) {
                if (array[i] != null) positions.put(array[i], new Position(testament, i));
            }
        }
    }

    /** Number of index records the testament's verse index should hold. */
    int slotCount(Testament testament) {
        return keys.get(testament).length;
    }

    /** The key of a slot; empty for the unused New Testament slot 0 or an index past the end. */
    Optional<EntryKey> keyAt(Testament testament, int index) {
        EntryKey[] array = keys.get(testament);
        return index >= 0 && index < array.length ? Optional.ofNullable(array[index]) : Optional.empty();
    }

    Optional<Position> position(EntryKey key) {
        return Optional.ofNullable(positions.get(key));
    }

    /** Number of keys, headings included (the unused slot excluded). */
    int keyCount() {
        return positions.size();
    }
}
