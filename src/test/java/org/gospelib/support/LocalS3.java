package org.gospelib.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * A real S3-protocol server on loopback (S3Proxy over a directory), checking AWS Signature V4 on
 * every request and on presigned URLs, as S3 does; one per test JVM.
 */
public final class LocalS3 {

    public static final String ACCESS_KEY = "local-access-key";
    public static final String SECRET_KEY = "local-secret-key-0123456789";

    private static LocalS3 shared;

    private final S3Proxy proxy;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public static synchronized LocalS3 shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("gospelib-s3");
                Properties properties = new Properties();
                properties.setProperty("jclouds.filesystem.basedir", dir.toString());
                int port = ChildProcess.freePort();
                URI endpoint = URI.create("http://127.0.0.1:" + port);
                S3Proxy proxy = S3Proxy.builder().blobStore(BlobStores.create("filesystem", properties)).endpoint(endpoint)
                        .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY).build();
                proxy.start();
                while (!proxy.getState().equals("STARTED")) Thread.sleep(10);
                shared = new LocalS3(proxy, endpoint);
            } catch (Exception e) {
                throw new IllegalStateException("could not start the local S3 server", e);
            }
        }
        return shared;
    }

    /** Makes a bucket, as Terraform does for a cluster. */
    public void createBucket(String bucket) {
        var credentials = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        try (var client = software.amazon.awssdk.services.s3.S3Client.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .endpointOverride(endpoint).forcePathStyle(true).credentialsProvider(credentials)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            client.createBucket(b -> b.bucket(bucket));
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The settings that point GospeLib's file store at this server's {@code bucket}. */
    public java.util.List<String> arguments(String bucket) {
        return java.util.List.of("--gospelib.files.store=s3", "--gospelib.files.s3.bucket=" + bucket,
                "--gospelib.files.s3.endpoint=" + endpoint, "--gospelib.files.s3.path-style=true", "--gospelib.files.s3.region=us-east-1",
                "--gospelib.files.s3.access-key=" + ACCESS_KEY, "--gospelib.files.s3.secret-key=" + SECRET_KEY);
    }
}
