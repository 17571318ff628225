/**
 * Topics: in the split topology, the module events other services need travel on Google Cloud
 * Pub/Sub, one topic per family ({@code gospelib.corpus}, {@code gospelib.study},
 * {@code gospelib.identity}), each message carrying an event id (subscribers drop what they have
 * seen) and, where order matters, the user's id as its ordering key. Publishing happens in event
 * listeners, so the event publication registry is the outbox: a publish that fails is retried
 * until Pub/Sub has the message. Content processes subscribe to {@code gospelib.corpus} and load a
 * new corpus as soon as an ingest anywhere finishes. Collapsed ({@code gospelib.pubsub.enabled=false},
 * the default), events stay in the process.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Topics")
package org.gospelib.topics;
