package org.gospelib.files;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where generated files are kept: a directory of this machine, or an S3 bucket shared by every
 * replica. Keys are paths of lower-case segments ({@code exports/<user>/<id>.pdf},
 * {@code cards/<hash>.png}); derived files are keyed by the hash of what they are made from, so
 * storing one twice stores the same bytes. Keys under {@code tmp/} and {@code exports/} expire
 * (the bucket's lifecycle rules; a sweep of the directory).
 */
public interface FileStore {

    /** Stores the bytes under the key, replacing what was there; the write is whole or absent. */
    void put(String key, byte[] content, String contentType);

    /** The file, if there is one. */
    Optional<StoredFile> get(String key);

    boolean exists(String key);

    /** Removes the file if there is one. */
    void delete(String key);

    /** Removes every file whose key starts with the prefix (a reader's exports). */
    void deleteAll(String prefix);

    /**
     * A link that reads the file for {@code lifetime} (5 to 15 minutes), with its download name:
     * minted now, never stored. After it expires, or if any part of it is changed, it answers 403
     * whether or not the file exists.
     */
    SignedLink sign(String key, Duration lifetime, String downloadName);

    /** A signed link and when it stops working. */
    record SignedLink(URI url, java.time.Instant expiresAt) {
    }

    /** A stored file's bytes and type. */
    record StoredFile(byte[] content, String contentType) {
    }
}
