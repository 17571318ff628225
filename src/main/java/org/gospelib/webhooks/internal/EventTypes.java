package org.gospelib.webhooks.internal;

import java.util.List;
import java.util.Set;

/** The event types endpoints can subscribe to, and what each one says. */
final class EventTypes {

    record EventType(String name, String description) {
    }

    static final String CORPUS_UPDATED = "corpus.updated";
    static final String NOTE_CREATED = "study.note.created";
    static final String HIGHLIGHT_CREATED = "study.highlight.created";
    static final String BOOKMARK_CREATED = "study.bookmark.created";
    static final String PLAN_DAY_COMPLETED = "study.plan-day.completed";
    /** Sent by the test button whatever the endpoint subscribed to. */
    static final String TEST = "webhook.test";

    static final List<EventType> ALL = List.of(
            new EventType(CORPUS_UPDATED, "A translation or a reference work was added, replaced or removed"),
            new EventType(NOTE_CREATED, "You kept a new note (your own endpoints only)"),
            new EventType(HIGHLIGHT_CREATED, "You kept a new highlight (your own endpoints only)"),
            new EventType(BOOKMARK_CREATED, "You kept a new bookmark (your own endpoints only)"),
            new EventType(PLAN_DAY_COMPLETED, "You marked a day of a reading plan as read (your own endpoints only)"));

    static final Set<String> NAMES = Set.copyOf(ALL.stream().map(EventType::name).toList());

    private EventTypes() {
    }
}
