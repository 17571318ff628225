package org.gospelib.webhooks.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.UserDeleted;
import org.gospelib.ingest.CorpusChanged;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.gospelib.platform.DomainEvent;
import org.gospelib.study.BookmarkCreated;
import org.gospelib.study.HighlightCreated;
import org.gospelib.study.NoteCreated;
import org.gospelib.study.PlanDayCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns module events into webhook messages: one message per event (its id derived from the
 * event, so an event handled twice sends one message), one delivery job per subscribed endpoint
 * (keyed by message and endpoint). Study events go only to their own reader's endpoints.
 */
@Component
class WebhookFanOut {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookStore store;
    private final Jobs jobs;

    WebhookFanOut(WebhookStore store, Jobs jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    @ApplicationModuleListener
    void on(CorpusChanged event) {
        send(event, EventTypes.CORPUS_UPDATED, Optional.empty(), Instant.now(),
                ordered("corpusVersion", event.corpusVersion(), "translations", event.translations()));
    }

    @ApplicationModuleListener
    void on(NoteCreated event) {
        send(event, EventTypes.NOTE_CREATED, Optional.of(event.userId()), event.at(),
                ordered("itemId", event.itemId().toString(), "osis", event.osis()));
    }

    @ApplicationModuleListener
    void on(HighlightCreated event) {
        send(event, EventTypes.HIGHLIGHT_CREATED, Optional.of(event.userId()), event.at(),
                ordered("itemId", event.itemId().toString(), "osis", event.osis()));
    }

    @ApplicationModuleListener
    void on(BookmarkCreated event) {
        send(event, EventTypes.BOOKMARK_CREATED, Optional.of(event.userId()), event.at(),
                ordered("itemId", event.itemId().toString(), "osis", event.osis()));
    }

    @ApplicationModuleListener
    void on(PlanDayCompleted event) {
        send(event, EventTypes.PLAN_DAY_COMPLETED, Optional.of(event.userId()),
                event.at(), ordered("enrolmentId", event.enrolmentId().toString(), "day", event.day()));
    }

    @ApplicationModuleListener
    void on(UserDeleted event) {
        store.deleteOwnedBy(event.userId());
    }

    /** The webhook.test message for one endpoint. */
    String sendTest(WebhookStore.Endpoint endpoint) {
        String id = "msg_test_" + UUID.randomUUID();
        Instant now = Instant.now();
        store.store(new WebhookStore.Message(id, EventTypes.TEST, Optional.of(endpoint.owner()), payload(EventTypes.TEST, now,
                ordered("endpointId", endpoint.id().toString(), "note", "a test message from GospeLib")), now));
        jobs.enqueue(JobRequest.of(WebhookDelivery.KIND, id + ":" + endpoint.id(), new WebhookDelivery.Request(id, endpoint.id())));
        return id;
    }

    /** The message's id is the event's own ({@code msg_note_<item id>}), so the same event makes the same message. */
    private void send(DomainEvent event, String type, Optional<UUID> owner, Instant at, Map<String, Object> data) {
        String id = "msg_" + event.eventId();
        var endpoints = store.subscribers(type, owner);
        if (endpoints.isEmpty()) return;
        store.store(new WebhookStore.Message(id, type, owner, payload(type, at, data), Instant.now()));
        for (WebhookStore.Endpoint endpoint : endpoints) {
            jobs.enqueue(JobRequest.of(WebhookDelivery.KIND, id + ":" + endpoint.id(), new WebhookDelivery.Request(id, endpoint.id())));
        }
    }

    /** The Standard Webhooks payload shape: type, timestamp, data. */
    static String payload(String type, Instant at, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", at.toString());
        payload.put("data", data);
        return JSON.writeValueAsString(payload);
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return map;
    }
}
