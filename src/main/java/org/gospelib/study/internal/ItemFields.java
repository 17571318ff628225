package org.gospelib.study.internal;

import java.util.List;

/**
 * A study item as a client sends it; which fields count depends on the kind. Absent fields are
 * null here only: {@link ItemDraft#of} turns them into a validated draft.
 */
record ItemFields(String ref, String colour, Integer startOffset, Integer endOffset, String body, List<String> tags,
        String folder) {
}
