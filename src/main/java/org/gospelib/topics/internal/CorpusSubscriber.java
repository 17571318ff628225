package org.gospelib.topics.internal;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.protobuf.Duration;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gospelib.content.CorpusUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every content process hears of every new corpus: it has a subscription of its own to
 * {@code gospelib.corpus} (named after the service and a random instance id; left unused, it
 * expires after a day), and on a message asks the content module to load the corpus. Repeated
 * event ids are dropped; loading is idempotent anyway (it compares versions).
 */
final class CorpusSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CorpusSubscriber.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REMEMBERED_IDS = 10_000;

    private final PubSubClients clients;
    private final CorpusUpdates corpus;
    private final MeterRegistry meters;
    private final ProjectSubscriptionName subscription;
    private final Set<String> seen = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    }));
    private final TopicPull pull;

    CorpusSubscriber(PubSubClients clients, CorpusUpdates corpus, MeterRegistry meters, String service) {
        this.clients = clients;
        this.corpus = corpus;
        this.meters = meters;
        this.subscription = ProjectSubscriptionName.of(clients.project(),
                TopicPublisher.CORPUS + "." + service + "." + UUID.randomUUID().toString().substring(0, 8));
        // a subscription of this replica's own, left unused, expires after a day
        this.pull = new TopicPull(clients, Subscription.newBuilder().setName(subscription.toString())
                .setTopic(TopicName.of(clients.project(), TopicPublisher.CORPUS).toString()).setAckDeadlineSeconds(60)
                .setExpirationPolicy(ExpirationPolicy.newBuilder().setTtl(Duration.newBuilder().setSeconds(86_400))).build(),
                this::receive);
    }

    @Override
    public void start() {
        pull.start();
        log.info("pubsub: new corpora arrive on {} (subscription {})", TopicPublisher.CORPUS, subscription.getSubscription());
    }

    boolean receive(PubsubMessage message) {
        String id = message.getAttributesOrDefault("eventId", "");
        try {
            if (!id.isEmpty() && !seen.add(id)) {
                return true;
            }
            JsonNode event = JSON.readTree(message.getData().toByteArray());
            long version = event.get("corpusVersion").asLong();
            meters.counter("gospelib.topics.received", "topic", TopicPublisher.CORPUS).increment();
            log.info("pubsub: corpus v{} announced ({})", version, id);
            corpus.corpusChanged(version);
            return true;
        } catch (RuntimeException e) {
            seen.remove(id);
            log.warn("pubsub: could not handle {} from {}: {}", id, TopicPublisher.CORPUS, e.toString());
            return false;
        }
    }

    @Override
    public void stop() {
        if (!pull.isRunning()) return;
        pull.stop();
        try (SubscriptionAdminClient admin = clients.subscriptionAdmin()) {
            admin.deleteSubscription(subscription);
        } catch (IOException | NotFoundException e) {
            // it expires on its own
        }
    }

    @Override
    public boolean isRunning() {
        return pull.isRunning();
    }

    String subscriptionName() {
        return subscription.getSubscription();
    }
}
