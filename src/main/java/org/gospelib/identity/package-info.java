/**
 * Identity: who a caller is. The built-in provider (sign up, sign in with Argon2id-hashed
 * passwords, RS256 access tokens with a key id, a JWKS, key rotation, rotating refresh tokens
 * with reuse detection, web sessions) or an external OpenID provider such as Clerk (tokens
 * verified against its JWKS, users kept in step by its signed webhooks). Users live in
 * PostgreSQL; other modules hear of an account's end ({@link org.gospelib.identity.UserDeleted}) and
 * of the emails it needs ({@link org.gospelib.identity.AccountEmailRequested}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.gospelib.identity;
