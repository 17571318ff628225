package org.gospelib.jobs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A listener for the outbox tests (found by the component scan in the test class path): fails an
 * event as many times as it says, unless its id has been healed, and records every delivery.
 */
@Component
public class OutboxProbes {

    /** The event, published in a transaction like any module event. */
    public record ProbePublished(String id, int failures) {
    }

    private final Map<String, List<Integer>> deliveries = new ConcurrentHashMap<>();
    private final Set<String> healed = ConcurrentHashMap.newKeySet();

    /** How many times the event with this id reached the listener (methods, not fields: the bean is proxied). */
    public int deliveries(String id) {
        return deliveries.getOrDefault(id, List.of()).size();
    }

    public void heal(String id) {
        healed.add(id);
    }

    @ApplicationModuleListener
    void on(ProbePublished event) {
        List<Integer> seen = deliveries.computeIfAbsent(event.id(), k -> new CopyOnWriteArrayList<>());
        seen.add(seen.size() + 1);
        if (!healed.contains(event.id()) && seen.size() <= event.failures()) {
            throw new IllegalStateException("planned failure " + seen.size() + " of " + event.id());
        }
    }
}
