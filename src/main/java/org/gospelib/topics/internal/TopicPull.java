package org.gospelib.topics.internal;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a subscription's messages by synchronous pull, one batch at a time on a thread of its
 * own: each message handled in turn, then the batch's handled ones acknowledged together, the
 * others made due again at once. Pub/Sub's streaming subscriber does the same with more
 * concurrency than a process that relays a few events a second needs, and its streams proved
 * unreliable against the emulator (messages left undelivered); a pull loop behaves the same on
 * both. A failed pull is retried with backoff, never ends the loop.
 */
final class TopicPull {

    private static final Logger log = LoggerFactory.getLogger(TopicPull.class);
    private static final int BATCH = 100;
    private static final Duration IDLE = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** Handles one message; true to acknowledge it, false to have it delivered again. */
    interface Handler {
        boolean handle(PubsubMessage message);
    }

    private final PubSubClients clients;
    private final Subscription wanted;
    private final ProjectSubscriptionName subscription;
    private final Handler handler;
    private volatile boolean running;
    private Thread thread;
    private SubscriptionAdminClient admin;

    /** @param wanted the subscription to pull from, made on start unless it exists (a replica's, an earlier start's) */
    TopicPull(PubSubClients clients, Subscription wanted, Handler handler) {
        this.clients = clients;
        this.wanted = wanted;
        this.subscription = ProjectSubscriptionName.parse(wanted.getName());
        this.handler = handler;
    }

    synchronized void start() {
        if (running) return;
        try {
            admin = clients.subscriptionAdmin();
            admin.createSubscription(wanted);
        } catch (AlreadyExistsException exists) {
            // shared with the service's other replicas, or left by an earlier start: use it
        } catch (IOException e) {
            throw new IllegalStateException("could not subscribe to " + wanted.getTopic(), e);
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("pubsub-" + subscription.getSubscription()).start(this::loop);
    }

    synchronized void stop() {
        if (!running) return;
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
    }

    boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try {
                PullResponse response = admin.pullCallable().call(PullRequest.newBuilder()
                        .setSubscription(subscription.toString()).setMaxMessages(BATCH).build());
                backoff = Duration.ofMillis(250);
                if (response.getReceivedMessagesCount() == 0) {
                    Thread.sleep(IDLE);
                    continue;
                }
                List<String> handled = new ArrayList<>();
                List<String> again = new ArrayList<>();
                for (ReceivedMessage received : response.getReceivedMessagesList()) {
                    PubsubMessage message = received.getMessage();
                    boolean done = clients.traces().receive("receive " + wanted.getTopic().substring(wanted.getTopic().lastIndexOf('/') + 1),
                            message.getAttributesMap(), () -> handler.handle(message));
                    (done ? handled : again).add(received.getAckId());
                }
                if (!handled.isEmpty()) admin.acknowledge(subscription.toString(), handled);
                if (!again.isEmpty()) admin.modifyAckDeadline(subscription.toString(), again, 0);
            } catch (InterruptedException e) {
                return;
            } catch (ApiException e) {
                if (!running) return;
                if (e.getStatusCode().getCode() != StatusCode.Code.DEADLINE_EXCEEDED) {
                    log.warn("pubsub: pulling {} failed, again in {} ms: {}", subscription.getSubscription(), backoff.toMillis(), e.toString());
                }
                backoff = pause(backoff);
            } catch (RuntimeException e) {
                if (!running) return;
                log.warn("pubsub: pulling {} failed, again in {} ms: {}", subscription.getSubscription(), backoff.toMillis(), e.toString());
                backoff = pause(backoff);
            }
        }
    }

    private Duration pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }
}
