package org.gospelib.files.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.gospelib.files.FileKeys;
import org.gospelib.files.FileStore;

/**
 * Files in a directory of this machine (the collapsed default): each key a path under the root,
 * written to a temporary file and renamed into place, so a reader never sees half a file and a
 * crash leaves the old file or the new one. Links are paths of this server's {@code /files/}
 * route, signed with {@link LinkSigner}.
 */
final class DirectoryFileStore implements FileStore {

    /** Temporary files being written, swept when a crash left them. */
    static final String PARTIAL_SUFFIX = ".partial";

    private final Path root;
    private final LinkSigner signer;
    private final Clock clock;

    DirectoryFileStore(Path root, LinkSigner signer, Clock clock) {
        this.root = root;
        this.signer = signer;
        this.clock = clock;
    }

    Path root() {
        return root;
    }

    LinkSigner signer() {
        return signer;
    }

    private Path path(String key) {
        return root.resolve(FileKeys.check(key));
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path file = path(key);
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), PARTIAL_SUFFIX);
            try {
                Files.write(partial, content);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + key, e);
        }
    }

    @Override
    public Optional<StoredFile> get(String key) {
        try {
            return Optional.of(new StoredFile(Files.readAllBytes(path(key)), ContentTypes.of(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + key, e);
        }
    }

    @Override
    public void deleteAll(String prefix) {
        Path under = root.resolve(FileKeys.check(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix));
        if (!Files.exists(under)) return;
        try (Stream<Path> files = Files.walk(under)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + prefix, e);
        }
    }

    @Override
    public SignedLink sign(String key, Duration lifetime, String downloadName) {
        FileKeys.check(key);
        Instant expires = clock.instant().plus(lifetime);
        long epoch = expires.getEpochSecond();
        // a path on this server: the API's clients resolve it against the address they called
        String url = "/files/" + key + "?expires=" + epoch + "&name=" + encode(downloadName)
                + "&signature=" + signer.sign(key, epoch, downloadName);
        return new SignedLink(URI.create(url), Instant.ofEpochSecond(epoch));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
