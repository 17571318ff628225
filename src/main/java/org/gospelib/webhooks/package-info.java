/**
 * Webhooks: events sent to other systems per the Standard Webhooks specification. A signed-in
 * account registers endpoints (https URLs on public addresses) for event types: the corpus
 * changing ({@code corpus.updated}) and the account's own study events. Each message is signed
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}, {@code v1} HMAC-SHA256
 * with a {@code whsec_} secret, both secrets during a rotation) and delivered at least once by a
 * job, retried on Svix's schedule, {@code Retry-After} honoured; {@code 410 Gone}, or days of
 * failure, disable the endpoint. Every attempt is logged, and can be replayed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package org.gospelib.webhooks;
