package org.gospelib.ingest.internal.sword;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which slots of a verse-keyed module hold no text of their own.
 *
 * @param module      the module's name
 * @param slots       the number of slots (keys) the versification defines, headings included
 * @param empty       slots with no text, in canonical order
 * @param linkedTo    slots that share the text of the slot before them (SWORD "links", used for
 *                    merged verses and for commentary entries covering a range), mapped to the
 *                    first slot of their run; in canonical order
 */
public record SlotReport(String module, int slots, List<EntryKey> empty, Map<EntryKey, EntryKey> linkedTo) {

    public SlotReport {
        empty = List.copyOf(empty);
        // Keeps canonical order for readers that print the report.
        linkedTo = Collections.unmodifiableMap(new LinkedHashMap<>(linkedTo));
    }

    /** Slots with text of their own. */
    public int distinctEntries() {
        return slots - empty.size() - linkedTo.size();
    }
}
