/**
 * Notifications: what GospeLib tells readers by email. Account emails (address verification,
 * password reset, address change and the notices that go with them) are sent on identity's
 * {@link org.gospelib.identity.AccountEmailRequested} by a job, at least once and logged per
 * reader; the link of an email that has one is minted by identity as it is sent. Mail leaves
 * through SMTP, Resend's HTTP API, or (collapsed default) a mailbox folder of {@code .eml} files;
 * messages are written from templates in English and Spanish, in HTML and plain text.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.gospelib.notifications;
