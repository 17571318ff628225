package org.gospelib.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import com.zaxxer.hikari.HikariDataSource;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gospelib.support.ChildProcess;
import org.gospelib.support.Http;
import org.gospelib.support.Readers;
import org.gospelib.support.PubSubEmulator;
import org.gospelib.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Module events through Google's Pub/Sub emulator between processes: a GospeLib process started
 * as a split service publishes a reader's study event, which this process receives with its event
 * id and the reader as ordering key; and a corpus announcement published here reaches that
 * process's content module, once however often it is delivered.
 */
class TopicsRoundTripTests extends RunningApplication {

    @Autowired
    DataSource dataSource;

    @Test
    void eventsCrossProcessesThroughPubSub() throws Exception {
        Path data = Files.createTempDirectory("gospelib-pubsub");
        try (PubSubEmulator emulator = PubSubEmulator.start(data.resolve("emulator.log"))) {
            int port = ChildProcess.freePort();
            int managementPort = ChildProcess.freePort();
            Process service = ChildProcess.gospelib("serve", "--gospelib.db.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                    "--data-dir=" + data, "--port=" + port, "--management-port=" + managementPort,
                    "--gospelib.pubsub.enabled=true", "--gospelib.pubsub.emulator-host=" + emulator.hostPort(),
                    "--gospelib.pubsub.project=gospelib-test", "--gospelib.ingest.on-start=never",
                    "--gospelib.search.semantic.enabled=false", "--gospelib.jobs.execute=false", "--gospelib.rate-limit.enabled=false",
                    "--logging.file.name=" + data.resolve("service.log"))
                    .redirectErrorStream(true).redirectOutput(data.resolve("service.out").toFile()).start();
            ManagedChannel channel = ManagedChannelBuilder.forTarget(emulator.hostPort()).usePlaintext().build();
            var channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
            try {
                Http http = new Http(port);
                ChildProcess.awaitLive(service, http, data.resolve("service.out"));

                // this process listens to the study topic (the service made the topics at its start)
                ProjectSubscriptionName mine = ProjectSubscriptionName.of("gospelib-test", "study-tests-" + UUID.randomUUID());
                try (SubscriptionAdminClient admin = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                        .setTransportChannelProvider(channels).setCredentialsProvider(NoCredentialsProvider.create()).build())) {
                    admin.createSubscription(Subscription.newBuilder().setName(mine.toString())
                            .setTopic(TopicName.of("gospelib-test", "gospelib.study").toString()).setAckDeadlineSeconds(30).build());
                }
                List<PubsubMessage> received = new CopyOnWriteArrayList<>();
                Subscriber subscriber = Subscriber.newBuilder(mine, (MessageReceiver) (message, reply) -> {
                    received.add(message);
                    reply.ack();
                }).setChannelProvider(channels).setCredentialsProvider(NoCredentialsProvider.create()).build();
                subscriber.startAsync().awaitRunning();
                try {
                    String auth = Readers.newReader(http);
                    String userId = http.get("/v1/me", "Authorization", auth).json().get("id").asString();
                    Http.Response note = http.postJson("/v1/me/notes", "{\"ref\":\"Rom 8:28\",\"body\":\"all things\"}", "Authorization", auth);
                    assertThat(note.status()).as(note.body()).isEqualTo(201);

                    await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
                    PubsubMessage message = received.getFirst();
                    assertThat(message.getAttributesMap()).containsEntry("eventType", "study.note.created");
                    assertThat(message.getAttributesMap().get("eventId")).isEqualTo("note_" + note.json().get("id").asString());
                    assertThat(message.getOrderingKey()).isEqualTo(userId);
                    assertThat(message.getData().toStringUtf8()).contains("\"osis\":\"Rom.8.28\"").contains(userId);
                } finally {
                    subscriber.stopAsync().awaitTerminated();
                }

                // and the other way: a corpus announced here reaches the service's content module, once
                Publisher publisher = Publisher.newBuilder(TopicName.of("gospelib-test", "gospelib.corpus")).setChannelProvider(channels)
                        .setCredentialsProvider(NoCredentialsProvider.create()).build();
                try {
                    for (int i = 0; i < 2; i++) {
                        publisher.publish(PubsubMessage.newBuilder().putAttributes("eventId", "corpus_v999999")
                                .putAttributes("eventType", "corpus.changed")
                                .setData(ByteString.copyFromUtf8("{\"corpusVersion\":999999,\"translations\":[\"KJV\"]}")).build())
                                .get(10, TimeUnit.SECONDS);
                    }
                } finally {
                    publisher.shutdown();
                    publisher.awaitTermination(10, TimeUnit.SECONDS);
                }
                Http metrics = new Http(managementPort);
                await().atMost(Duration.ofSeconds(30)).until(() -> metrics.get("/actuator/prometheus").body()
                        .contains("gospelib_topics_received_total{application=\"gospelib\",service=\"collapsed\",topic=\"gospelib.corpus\"} 1.0"));
                Thread.sleep(1_000);
                assertThat(metrics.get("/actuator/prometheus").body())
                        .contains("gospelib_topics_received_total{application=\"gospelib\",service=\"collapsed\",topic=\"gospelib.corpus\"} 1.0")
                        .contains("gospelib_topics_published_total{application=\"gospelib\",service=\"collapsed\",topic=\"gospelib.study\"}");
                assertThat(Files.readString(data.resolve("service.out"))).contains("corpus v999999 announced");
            } finally {
                channel.shutdownNow();
                service.destroy();
                if (!service.waitFor(20, TimeUnit.SECONDS)) service.destroyForcibly().waitFor();
            }
        }
    }


}
