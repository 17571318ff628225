package org.gospelib.topics.internal;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.GoogleCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings.Builder;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gospelib.platform.TraceContexts;

/**
 * How this process reaches Pub/Sub: Google's endpoint with the environment's credentials, or an
 * emulator ({@code gospelib.pubsub.emulator-host}) over plaintext gRPC without credentials.
 */
final class PubSubClients implements AutoCloseable {

    private final String project;
    private final Optional<ManagedChannel> emulatorChannel;
    private final TransportChannelProvider channels;
    private final CredentialsProvider credentials;
    private final TraceContexts traces;

    PubSubClients(String project, String emulatorHost) {
        this(project, emulatorHost, TraceContexts.none());
    }

    PubSubClients(String project, String emulatorHost, TraceContexts traces) {
        this.traces = traces;
        this.project = project;
        if (emulatorHost.isBlank()) {
            this.emulatorChannel = Optional.empty();
            this.channels = TopicAdminSettings.defaultTransportChannelProvider();
            this.credentials = GoogleCredentialsProvider.newBuilder().setScopesToApply(TopicAdminSettings.getDefaultServiceScopes()).build();
        } else {
            ManagedChannel channel = ManagedChannelBuilder.forTarget(emulatorHost).usePlaintext().build();
            this.emulatorChannel = Optional.of(channel);
            this.channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
            this.credentials = NoCredentialsProvider.create();
        }
    }

    /** The trace context a published message carries, and the span a received one is handled in. */
    TraceContexts traces() {
        return traces;
    }

    String project() {
        return project;
    }

    TransportChannelProvider channels() {
        return channels;
    }

    CredentialsProvider credentials() {
        return credentials;
    }

    TopicAdminClient topicAdmin() throws IOException {
        Builder settings = TopicAdminSettings.newBuilder().setTransportChannelProvider(channels).setCredentialsProvider(credentials);
        return TopicAdminClient.create(settings.build());
    }

    SubscriptionAdminClient subscriptionAdmin() throws IOException {
        return SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder().setTransportChannelProvider(channels)
                .setCredentialsProvider(credentials).build());
    }

    @Override
    public void close() throws InterruptedException {
        if (emulatorChannel.isPresent()) {
            emulatorChannel.get().shutdown();
            emulatorChannel.get().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
