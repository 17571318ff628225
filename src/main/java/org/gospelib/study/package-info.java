/**
 * Study: what a reader keeps — highlights, notes and bookmarks anchored to KJV-numbered verse
 * ranges, private to their owner and synced between devices (changes since a cursor, deletions
 * as tombstones) — and their reading plans. Publishes {@link org.gospelib.study.HighlightCreated},
 * {@link org.gospelib.study.NoteCreated}, {@link org.gospelib.study.BookmarkCreated} and
 * {@link org.gospelib.study.PlanDayCompleted}, and consumes them itself to keep each user's
 * activity feed; deletes a user's data when identity publishes
 * {@link org.gospelib.identity.UserDeleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Study")
package org.gospelib.study;
