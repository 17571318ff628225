package org.gospelib.platform;

/**
 * A module's event that leaves its process (on a topic, in a webhook): it names its own
 * occurrence, so every channel that carries it uses the same id and a receiver that sees it twice
 * (at-least-once delivery) can tell.
 */
public interface DomainEvent {

    /** Stable for the occurrence, whoever sends it and however often: {@code <kind>_<key>}, e.g. {@code note_<item id>}. */
    String eventId();
}
