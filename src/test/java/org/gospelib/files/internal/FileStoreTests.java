package org.gospelib.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.gospelib.files.FileStore;
import org.gospelib.support.LocalS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Both file stores keep what they are given and hand it out through signed links only: the S3
 * store against a real S3-protocol server (which checks the signatures and expiry itself), the
 * directory store's links through {@link LinkSigner} (served by the application: FilesApiTests).
 */
class FileStoreTests {

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    static S3FileStore s3(String bucket) {
        LocalS3 local = LocalS3.shared();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY));
        S3Client client = S3Client.builder().region(Region.US_EAST_1).endpointOverride(local.endpoint()).forcePathStyle(true)
                .credentialsProvider(credentials).build();
        client.createBucket(b -> b.bucket(bucket));
        var properties = new FilesProperties("s3", null, null, Duration.ofMinutes(10), null,
                new FilesProperties.S3(bucket, "us-east-1", local.endpoint(), true, LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY));
        return (S3FileStore) new FileStoreConfiguration().fileStore(properties, null, Clock.systemUTC());
    }

    static HttpResponse<byte[]> fetch(URI url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theS3StoreKeepsFilesAndHandsThemOutThroughPresignedLinks() throws Exception {
        FileStore store = s3("files-" + UUID.randomUUID());
        String user = UUID.randomUUID().toString();
        String key = "exports/" + user + "/" + UUID.randomUUID() + ".md";
        byte[] content = "# Notas\n\nPorque de tal manera amó Dios al mundo".getBytes(StandardCharsets.UTF_8);

        assertThat(store.exists(key)).isFalse();
        assertThat(store.get(key)).isEmpty();
        store.put(key, content, "text/markdown;charset=UTF-8");
        assertThat(store.exists(key)).isTrue();
        assertThat(store.get(key)).hasValueSatisfying(f -> {
            assertThat(f.content()).isEqualTo(content);
            assertThat(f.contentType()).startsWith("text/markdown");
        });

        FileStore.SignedLink link = store.sign(key, Duration.ofMinutes(5), "mis notas.md");
        assertThat(link.expiresAt()).isBetween(java.time.Instant.now().plusSeconds(290), java.time.Instant.now().plusSeconds(310));
        HttpResponse<byte[]> got = fetch(link.url());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(content);
        assertThat(got.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains("mis%20notas.md");

        // another reader's file with this link's signature; a changed signature; a later expiry
        String other = link.url().toString().replace(user, UUID.randomUUID().toString());
        assertThat(fetch(URI.create(other)).statusCode()).isEqualTo(403);
        String url = link.url().toString();
        int sig = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        String flipped = url.substring(0, sig) + (url.charAt(sig) == 'a' ? 'b' : 'a') + url.substring(sig + 1);
        assertThat(fetch(URI.create(flipped)).statusCode()).isEqualTo(403);
        assertThat(fetch(URI.create(url.replace("X-Amz-Expires=300", "X-Amz-Expires=900"))).statusCode()).isEqualTo(403);

        FileStore.SignedLink brief = store.sign(key, Duration.ofSeconds(1), "notes.md");
        Thread.sleep(2_100);
        assertThat(fetch(brief.url()).statusCode()).as("an expired link").isEqualTo(403);

        String second = "exports/" + user + "/" + UUID.randomUUID() + ".json";
        store.put(second, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        String someoneElse = "exports/" + UUID.randomUUID() + "/kept.json";
        store.put(someoneElse, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        store.deleteAll("exports/" + user + "/");
        assertThat(store.exists(key)).isFalse();
        assertThat(store.exists(second)).isFalse();
        assertThat(store.exists(someoneElse)).isTrue();
        store.delete(someoneElse);
        assertThat(store.exists(someoneElse)).isFalse();
    }

    @Test
    void theDirectoryStoreWritesWholeFilesUnderValidKeysOnly() throws Exception {
        Path root = Files.createTempDirectory("gospelib-files");
        DirectoryFileStore store = new DirectoryFileStore(root, new LinkSigner(new byte[32]), Clock.systemUTC());
        store.put("cards/abc.png", new byte[] {1, 2, 3}, "image/png");
        store.put("cards/abc.png", new byte[] {4, 5}, "image/png");
        assertThat(store.get("cards/abc.png").orElseThrow().content()).containsExactly(4, 5);
        assertThat(store.get("cards/abc.png").orElseThrow().contentType()).isEqualTo("image/png");
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())).containsExactly("cards/abc.png");
        }
        for (String bad : new String[] {"../etc/passwd", "cards/../../x", "/abs", "Cards/X.png", "a//b", "", ".link-key",
                "cards/.hidden", "a\u0000b", "exports/x y"}) {
            assertThatThrownBy(() -> store.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        store.deleteAll("cards/");
        assertThat(store.exists("cards/abc.png")).isFalse();
    }
}
