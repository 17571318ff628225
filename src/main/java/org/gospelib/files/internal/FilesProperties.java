package org.gospelib.files.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where generated files are kept and how they are handed out ({@code gospelib.files.*}).
 *
 * @param store         {@code directory} (collapsed default) or {@code s3}
 * @param directory     the directory store's root; {@code <data dir>/files} when unset
 * @param signingKey    the directory store's link key (base64, at least 32 bytes); made once and
 *                      kept in the directory when unset
 * @param linkLifetime  how long a signed link works: 5 to 15 minutes
 * @param exportsKeptFor how long an export stays downloadable (the bucket's rule says the same)
 * @param s3            the bucket, when {@code store=s3}
 */
@ConfigurationProperties("gospelib.files")
record FilesProperties(String store, Path directory, String signingKey, Duration linkLifetime,
        Duration exportsKeptFor, S3 s3) {

    static final Duration SHORTEST_LINK = Duration.ofMinutes(5);
    static final Duration LONGEST_LINK = Duration.ofMinutes(15);

    FilesProperties {
        store = store == null || store.isBlank() ? "directory" : store.strip().toLowerCase(java.util.Locale.ROOT);
        if (!store.equals("directory") && !store.equals("s3")) {
            throw new IllegalArgumentException("gospelib.files.store must be directory or s3, not " + store);
        }
        if (signingKey == null) signingKey = "";
        if (linkLifetime == null) linkLifetime = Duration.ofMinutes(10);
        if (linkLifetime.compareTo(SHORTEST_LINK) < 0 || linkLifetime.compareTo(LONGEST_LINK) > 0) {
            throw new IllegalArgumentException("gospelib.files.link-lifetime must be 5 to 15 minutes, not " + linkLifetime);
        }
        if (exportsKeptFor == null) exportsKeptFor = Duration.ofDays(7);
        if (s3 == null) s3 = new S3(null, null, null, false, null, null);
    }

    /**
     * @param bucket    the bucket (required for {@code store=s3})
     * @param region    its region ({@code us-east-1} when unset)
     * @param endpoint  another S3-protocol server's address (MinIO, Ceph, a test server); AWS when unset
     * @param pathStyle address the bucket in the path rather than the host name (most non-AWS servers)
     * @param accessKey with {@code secretKey}: static credentials; the SDK's default chain (IRSA,
     *                  instance profile, environment) when unset
     */
    record S3(String bucket, String region, URI endpoint, boolean pathStyle, String accessKey, String secretKey) {
        S3 {
            if (region == null || region.isBlank()) region = "us-east-1";
        }
    }
}
