package org.gospelib.topics.internal;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gospelib.billing.EntitlementsChanged;
import org.gospelib.identity.AccountEmailRequested;
import org.gospelib.identity.UserDeleted;
import org.gospelib.ingest.CorpusChanged;
import org.gospelib.study.BookmarkCreated;
import org.gospelib.study.HighlightCreated;
import org.gospelib.study.NoteCreated;
import org.gospelib.study.PlanDayCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.gospelib.platform.DomainEvent;
import org.gospelib.platform.HostedServices;
import org.springframework.modulith.events.ApplicationModuleListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes module events to their family's topic. Each listener returns only once Pub/Sub has
 * acknowledged the message: a failure leaves the event's publication failed, and the outbox
 * resubmits it (so a message can be published twice; subscribers drop repeated event ids).
 */
class TopicPublisher implements AutoCloseable {

    static final String CORPUS = "gospelib.corpus";
    static final String STUDY = "gospelib.study";
    static final String IDENTITY = "gospelib.identity";
    static final String BILLING = "gospelib.billing";

    /** Each event's type on the wire (the {@code eventType} attribute); the relays read it back. */
    static final Map<Class<?>, String> TYPES = Map.of(
            CorpusChanged.class, "corpus.changed",
            NoteCreated.class, "study.note.created",
            HighlightCreated.class, "study.highlight.created",
            BookmarkCreated.class, "study.bookmark.created",
            PlanDayCompleted.class, "study.plan-day.completed",
            UserDeleted.class, "user.deleted",
            AccountEmailRequested.class, "user.account-email.requested",
            EntitlementsChanged.class, "billing.entitlements.changed");

    private static final Logger log = LoggerFactory.getLogger(TopicPublisher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PubSubClients clients;
    private final HostedServices hosted;
    private final MeterRegistry meters;
    private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();

    TopicPublisher(PubSubClients clients, MeterRegistry meters, boolean createTopics, HostedServices hosted) throws IOException {
        this.clients = clients;
        this.hosted = hosted;
        this.meters = meters;
        if (createTopics) {
            try (TopicAdminClient admin = clients.topicAdmin()) {
                for (String topic : new String[] {CORPUS, STUDY, IDENTITY, BILLING}) {
                    try {
                        admin.createTopic(TopicName.of(clients.project(), topic));
                        log.info("pubsub: created topic {}", topic);
                    } catch (AlreadyExistsException exists) {
                        // made by an earlier start, another replica or the infrastructure code
                    }
                }
            }
        }
    }

    @ApplicationModuleListener
    void on(CorpusChanged event) {
        publish(CORPUS, Optional.empty(), event);
    }

    @ApplicationModuleListener
    void on(NoteCreated event) {
        publish(STUDY, Optional.of(event.userId()), event);
    }

    @ApplicationModuleListener
    void on(HighlightCreated event) {
        publish(STUDY, Optional.of(event.userId()), event);
    }

    @ApplicationModuleListener
    void on(BookmarkCreated event) {
        publish(STUDY, Optional.of(event.userId()), event);
    }

    @ApplicationModuleListener
    void on(PlanDayCompleted event) {
        publish(STUDY, Optional.of(event.userId()), event);
    }

    @ApplicationModuleListener
    void on(UserDeleted event) {
        publish(IDENTITY, Optional.of(event.userId()), event);
    }

    @ApplicationModuleListener
    void on(AccountEmailRequested event) {
        publish(IDENTITY, Optional.of(event.userId()), event);
    }

    @ApplicationModuleListener
    void on(EntitlementsChanged event) {
        publish(BILLING, Optional.of(event.userId()), event);
    }

    void publish(String topic, Optional<UUID> orderingKey, DomainEvent event) {
        String eventId = event.eventId();
        String type = TYPES.get(event.getClass());
        // an event relayed here from its topic came from a module that runs elsewhere: it is on the topic already
        if (!hosted.hostsCodeOf(event.getClass().getName())) return;
        Publisher publisher = publishers.computeIfAbsent(topic, this::publisher);
        PubsubMessage.Builder message = PubsubMessage.newBuilder().setData(ByteString.copyFrom(JSON.writeValueAsBytes(event)))
                .putAttributes("eventId", eventId).putAttributes("eventType", type)
                // the trace of whatever published the event, continued where it is received
                .putAllAttributes(clients.traces().current());
        orderingKey.ifPresent(key -> message.setOrderingKey(key.toString()));
        try {
            publisher.publish(message.build()).get(30, TimeUnit.SECONDS);
            meters.counter("gospelib.topics.published", "topic", topic).increment();
        } catch (ExecutionException | TimeoutException e) {
            // a failed ordered publish pauses its key; the outbox's resubmission publishes it again
            orderingKey.ifPresent(key -> publisher.resumePublish(key.toString()));
            throw new IllegalStateException("could not publish " + type + " " + eventId + " to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing to " + topic, e);
        }
    }

    private Publisher publisher(String topic) {
        try {
            return Publisher.newBuilder(TopicName.of(clients.project(), topic)).setChannelProvider(clients.channels())
                    .setCredentialsProvider(clients.credentials()).setEnableMessageOrdering(true).build();
        } catch (IOException e) {
            throw new IllegalStateException("could not make a publisher for " + topic, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Publisher publisher : publishers.values()) {
            publisher.shutdown();
            publisher.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
