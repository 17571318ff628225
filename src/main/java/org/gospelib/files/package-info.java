/**
 * Files: what GospeLib generates for readers to keep or share, and where it is kept. A storage
 * port ({@link org.gospelib.files.FileStore}) with two adapters — a local directory (collapsed)
 * and S3 or any S3-protocol store (split) — handing files out through short-lived signed links
 * minted when asked for; study exports built by the workers (JSON, Markdown, a printable PDF);
 * and verse share cards (SVG and PNG, several designs) rendered by the workers, stored by content
 * hash and served as immutable, which the reader's pages name as their Open Graph image.
 * Deletes a reader's exports when identity publishes {@link org.gospelib.identity.UserDeleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files")
package org.gospelib.files;
