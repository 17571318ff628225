/**
 * Billing: subscriptions taken through Stripe (Checkout to subscribe, the Customer Portal to
 * manage or cancel), kept in step with Stripe by its signed webhooks and a daily reconciliation,
 * and the entitlements each plan grants ({@link org.gospelib.billing.Entitlements}). Other modules
 * read entitlements, never plan names; a change is announced by
 * {@link org.gospelib.billing.EntitlementsChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package org.gospelib.billing;
