/**
 * Study: what a reader keeps — highlights, notes and bookmarks anchored to KJV-numbered verse
 * ranges, private to their owner and synced between devices (changes since a cursor, deletions
 * as tombstones). Publishes {@link org.gospelib.study.HighlightCreated},
 * {@link org.gospelib.study.NoteCreated} and {@link org.gospelib.study.BookmarkCreated}; deletes
 * a user's data when identity publishes {@link org.gospelib.identity.UserDeleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Study")
package org.gospelib.study;
