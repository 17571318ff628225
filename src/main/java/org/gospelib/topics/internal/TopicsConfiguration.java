package org.gospelib.topics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.gospelib.content.CorpusUpdates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pub/Sub, when {@code gospelib.pubsub.enabled} (split); nothing otherwise. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gospelib.pubsub.enabled", havingValue = "true")
class TopicsConfiguration {

    @Bean(destroyMethod = "close")
    PubSubClients pubSubClients(@Value("${gospelib.pubsub.project}") String project,
            @Value("${gospelib.pubsub.emulator-host:}") String emulatorHost) {
        return new PubSubClients(project, emulatorHost);
    }

    @Bean(destroyMethod = "close")
    TopicPublisher topicPublisher(PubSubClients clients, MeterRegistry meters,
            @Value("${gospelib.pubsub.create-topics:true}") boolean createTopics) throws IOException {
        return new TopicPublisher(clients, meters, createTopics);
    }

    /** Only processes that hold the corpus listen for new ones. */
    @Bean
    @ConditionalOnProperty(name = "gospelib.content.snapshot", havingValue = "true", matchIfMissing = true)
    CorpusSubscriber corpusSubscriber(PubSubClients clients, CorpusUpdates corpus, MeterRegistry meters,
            @Value("${gospelib.pubsub.service:content}") String service, TopicPublisher topicsExist) {
        return new CorpusSubscriber(clients, corpus, meters, service);
    }
}
