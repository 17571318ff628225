package org.gospelib.topics.internal;

import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings one topic's events into a process that does not run the module emitting them but runs
 * modules that listen for them (study and the webhooks hear of deleted users; the webhooks of new
 * notes). Each message becomes the same event, published here in a transaction, so the local
 * listeners run through the outbox exactly as in one process; the message is acknowledged once
 * that transaction commits, so a crash before it means Pub/Sub delivers it again. Replicas of a
 * service share one subscription: each event reaches one replica of each service. Listeners are
 * idempotent (keyed by the event's ids), which absorbs a repeated delivery. Delivery is not
 * ordered: no listener depends on the order of one reader's events (a deletion deletes whatever
 * came before it), and ordered delivery would hold a reader's later events behind one that fails.
 */
final class TopicRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The event class of each type name, as {@link TopicPublisher} names them. */
    static final Map<String, Class<?>> EVENT_TYPES = TopicPublisher.TYPES.entrySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private final PubSubClients clients;
    private final String topic;
    private final ProjectSubscriptionName subscription;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final TopicPull pull;
    private final boolean perReplica;

    TopicRelay(PubSubClients clients, String topic, String service, ApplicationEventPublisher events,
            TransactionTemplate transactions, MeterRegistry meters) {
        this(clients, topic, service, false, events, transactions, meters);
    }

    /**
     * @param perReplica each replica of the service hears every event (a subscription of its own, named with a random
     *                   instance id, which expires a day after it was last used), not one of them
     */
    TopicRelay(PubSubClients clients, String topic, String service, boolean perReplica, ApplicationEventPublisher events,
            TransactionTemplate transactions, MeterRegistry meters) {
        this.clients = clients;
        this.topic = topic;
        this.perReplica = perReplica;
        this.subscription = ProjectSubscriptionName.of(clients.project(), topic + "." + service
                + (perReplica ? "." + java.util.UUID.randomUUID().toString().substring(0, 8) : ""));
        this.events = events;
        this.transactions = transactions;
        this.meters = meters;
        Subscription.Builder wanted = Subscription.newBuilder().setName(subscription.toString())
                .setTopic(TopicName.of(clients.project(), topic).toString()).setAckDeadlineSeconds(60);
        if (perReplica) {
            wanted.setExpirationPolicy(com.google.pubsub.v1.ExpirationPolicy.newBuilder()
                    .setTtl(com.google.protobuf.Duration.newBuilder().setSeconds(86_400)));
        }
        this.pull = new TopicPull(clients, wanted.build(), this::receive);
    }

    @Override
    public void start() {
        pull.start();
        log.info("pubsub: events of {} relayed here (subscription {})", topic, subscription.getSubscription());
    }

    boolean receive(PubsubMessage message) {
        String type = message.getAttributesOrDefault("eventType", "");
        String id = message.getAttributesOrDefault("eventId", "");
        Optional<Class<?>> eventClass = Optional.ofNullable(EVENT_TYPES.get(type));
        if (eventClass.isEmpty()) {
            // a type from a newer version: nobody here listens for it
            log.info("pubsub: {} {} has a type this version does not know; dropped", type, id);
            return true;
        }
        try {
            Object event = JSON.readValue(message.getData().toByteArray(), eventClass.get());
            transactions.executeWithoutResult(tx -> events.publishEvent(event));
            meters.counter("gospelib.topics.relayed", "topic", topic, "type", type).increment();
            return true;
        } catch (RuntimeException e) {
            log.warn("pubsub: could not relay {} {} from {}: {}", type, id, topic, e.toString());
            return false;
        }
    }

    @Override
    public void stop() {
        if (!pull.isRunning()) return;
        pull.stop();
        if (!perReplica) return;
        try (com.google.cloud.pubsub.v1.SubscriptionAdminClient admin = clients.subscriptionAdmin()) {
            admin.deleteSubscription(subscription);
        } catch (java.io.IOException | com.google.api.gax.rpc.NotFoundException e) {
            // it expires on its own
        }
    }

    @Override
    public boolean isRunning() {
        return pull.isRunning();
    }
}
