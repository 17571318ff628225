package org.gospelib.study.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gospelib.platform.UserText;

/**
 * A study item as it will be kept, validated: its anchor, its kind's own fields
 * and its tags. The rules a user meets when keeping something live here.
 */
record ItemDraft(StudyKind kind, Anchor anchor, ItemData data, List<String> tags) {

    static final Set<String> COLOURS = Set.of("yellow", "green", "blue", "pink", "purple", "orange");
    static final int MAX_NOTE_CHARACTERS = 20_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_CHARACTERS = 40;
    static final int MAX_FOLDER_CHARACTERS = 100;

    static ItemDraft of(StudyKind kind, ItemFields fields) throws InvalidItem {
        Anchor anchor = Anchor.parse(fields.ref());
        ItemData data = switch (kind) {
            case HIGHLIGHT -> {
                String colour = fields.colour() == null ? "yellow" : fields.colour().strip().toLowerCase(java.util.Locale.ROOT);
                if (!COLOURS.contains(colour)) {
                    throw new InvalidItem("colour", "unknown colour '" + fields.colour() + "'; colours are " + String.join(", ", COLOURS.stream().sorted().toList()));
                }
                yield highlight(colour, fields, anchor);
            }
            case NOTE -> {
                String body = fields.body() == null ? "" : fields.body();
                if (body.isBlank()) throw new InvalidItem("body", "a note needs a body (markdown)");
                keepable("body", body, true);
                if (body.length() > MAX_NOTE_CHARACTERS) {
                    throw new InvalidItem("body", "a note has at most " + MAX_NOTE_CHARACTERS + " characters", true);
                }
                yield new ItemData.Note(body);
            }
            case BOOKMARK -> {
                String folder = fields.folder() == null ? "" : fields.folder().strip();
                if (folder.length() > MAX_FOLDER_CHARACTERS) {
                    throw new InvalidItem("folder", "a folder name has at most " + MAX_FOLDER_CHARACTERS + " characters");
                }
                keepable("folder", folder, false);
                yield new ItemData.Bookmark(folder);
            }
        };
        // only notes are tagged
        List<String> tags = kind == StudyKind.NOTE ? tags(fields.tags()) : List.of();
        return new ItemDraft(kind, anchor, data, tags);
    }

    /** Text that can be stored and shown again as it was sent (see {@link UserText}). */
    private static void keepable(String field, String text, boolean multiline) throws InvalidItem {
        java.util.Optional<String> problem = UserText.problem(text, multiline);
        if (problem.isPresent()) throw new InvalidItem(field, "the " + field + " " + problem.get());
    }

    /** Word offsets: both or neither; character offsets into the first and the last verse of the range. */
    private static ItemData.Highlight highlight(String colour, ItemFields fields, Anchor anchor) throws InvalidItem {
        Integer start = fields.startOffset();
        Integer end = fields.endOffset();
        if (start == null && end == null) return new ItemData.Highlight(colour, java.util.Optional.empty(), java.util.Optional.empty());
        if (start == null || end == null) throw new InvalidItem("startOffset", "give both startOffset and endOffset, or neither");
        if (start < 0 || end < 0 || start > 10_000 || end > 10_000) throw new InvalidItem("startOffset", "offsets are 0 to 10000");
        if (anchor.first() == anchor.last() && end <= start) throw new InvalidItem("endOffset", "endOffset must come after startOffset");
        return new ItemData.Highlight(colour, java.util.Optional.of(start), java.util.Optional.of(end));
    }

    private static List<String> tags(List<String> given) throws InvalidItem {
        if (given == null) return List.of();
        if (given.size() > MAX_TAGS) throw new InvalidItem("tags", "at most " + MAX_TAGS + " tags");
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : given) {
            String t = tag == null ? "" : tag.strip();
            if (t.isEmpty() || t.length() > MAX_TAG_CHARACTERS) {
                throw new InvalidItem("tags", "a tag has 1 to " + MAX_TAG_CHARACTERS + " characters");
            }
            keepable("tags", t, false);
            tags.add(t);
        }
        return new ArrayList<>(tags);
    }
}
