package org.gospelib.topics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.gospelib.content.CorpusUpdates;
import org.gospelib.platform.ConditionalOnService;
import org.gospelib.platform.HostedServices;
import org.gospelib.platform.Service;
import org.gospelib.platform.TraceContexts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Pub/Sub, when {@code gospelib.pubsub.enabled} (split); nothing otherwise. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gospelib.pubsub.enabled", havingValue = "true")
class TopicsConfiguration {

    @Bean(destroyMethod = "close")
    PubSubClients pubSubClients(@Value("${gospelib.pubsub.project}") String project,
            @Value("${gospelib.pubsub.emulator-host:}") String emulatorHost, TraceContexts traces) {
        return new PubSubClients(project, emulatorHost, traces);
    }

    @Bean(destroyMethod = "close")
    TopicPublisher topicPublisher(PubSubClients clients, MeterRegistry meters,
            @Value("${gospelib.pubsub.create-topics:true}") boolean createTopics, HostedServices hosted) throws IOException {
        return new TopicPublisher(clients, meters, createTopics, hosted);
    }

    /** Only processes that hold the corpus listen for new ones. */
    @Bean
    @ConditionalOnService(Service.CONTENT)
    @ConditionalOnProperty(name = "gospelib.content.snapshot", havingValue = "true", matchIfMissing = true)
    CorpusSubscriber corpusSubscriber(PubSubClients clients, CorpusUpdates corpus, MeterRegistry meters,
            @Value("${gospelib.pubsub.service:content}") String service, TopicPublisher topicsExist) {
        return new CorpusSubscriber(clients, corpus, meters, service);
    }

    /**
     * The topics whose events this process needs but does not emit: a module that listens runs
     * here, the module that publishes runs elsewhere. Collapsed, that is none.
     */
    @Bean
    TopicRelays topicRelays(PubSubClients clients, HostedServices hosted, ApplicationEventPublisher events,
            TransactionTemplate transactions, MeterRegistry meters, TopicPublisher topicsExist) {
        List<TopicRelay> relays = new ArrayList<>();
        String service = hosted.toString().replace(',', '-');
        relay(relays, hosted, "ingest", List.of("webhooks"), TopicPublisher.CORPUS, clients, service, events, transactions, meters);
        relay(relays, hosted, "study", List.of("webhooks"), TopicPublisher.STUDY, clients, service, events, transactions, meters);
        relay(relays, hosted, "identity", List.of("study", "webhooks", "notifications"), TopicPublisher.IDENTITY, clients, service, events,
                transactions, meters);
        // every gateway replica applies plan changes to the tokens it sees
        if (hosted.hosts(Service.GATEWAY) && !hosted.hostsModule("billing")) {
            relays.add(new TopicRelay(clients, TopicPublisher.BILLING, service, true, events, transactions, meters));
        }
        return new TopicRelays(relays);
    }

    private static void relay(List<TopicRelay> relays, HostedServices hosted, String source, List<String> listeners, String topic,
            PubSubClients clients, String service, ApplicationEventPublisher events, TransactionTemplate transactions,
            MeterRegistry meters) {
        // a worker runs the webhooks module for its delivery jobs, not for its listeners (notifications' part)
        boolean listening = hosted.services().stream().filter(s -> s != Service.WORKER)
                .anyMatch(s -> listeners.stream().anyMatch(s.modules()::contains));
        if (hosted.hostsModule(source) || !listening) return;
        relays.add(new TopicRelay(clients, topic, service, events, transactions, meters));
    }

    /** The relays as one lifecycle: each subscribes on start and stops on shutdown. */
    static final class TopicRelays implements org.springframework.context.SmartLifecycle {
        private final List<TopicRelay> relays;

        TopicRelays(List<TopicRelay> relays) {
            this.relays = List.copyOf(relays);
        }

        @Override
        public void start() {
            relays.forEach(TopicRelay::start);
        }

        @Override
        public void stop() {
            relays.forEach(TopicRelay::stop);
        }

        @Override
        public boolean isRunning() {
            return relays.stream().anyMatch(TopicRelay::isRunning);
        }
    }
}
