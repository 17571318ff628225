package org.gospelib.files.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.gospelib.files.FileStore;
import org.gospelib.platform.GospelibProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The file store this process uses: {@code gospelib.files.store} decides which. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
class FileStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FileStoreConfiguration.class);

    @Bean(destroyMethod = "")
    FileStore fileStore(FilesProperties properties, GospelibProperties gospelib, Clock clock) {
        if (properties.store().equals("s3")) return s3(properties.s3());
        Path root = properties.directory() != null ? properties.directory() : gospelib.dataDir().resolve("files");
        return new DirectoryFileStore(root, new LinkSigner(signingKey(properties, root)), clock);
    }

    private static S3FileStore s3(FilesProperties.S3 s3) {
        if (s3.bucket() == null || s3.bucket().isBlank()) {
            throw new IllegalStateException("gospelib.files.store=s3 needs gospelib.files.s3.bucket");
        }
        AwsCredentialsProvider credentials = s3.accessKey() != null && !s3.accessKey().isBlank()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        var client = S3Client.builder().region(Region.of(s3.region())).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).forcePathStyle(s3.pathStyle())
                // checksums only where the operation needs one: S3-protocol servers other than AWS refuse the newer headers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presigner = S3Presigner.builder().region(Region.of(s3.region())).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build());
        if (s3.endpoint() != null) {
            client.endpointOverride(s3.endpoint());
            presigner.endpointOverride(s3.endpoint());
        }
        log.info("files are kept in the bucket {}{}", s3.bucket(), s3.endpoint() == null ? "" : " at " + s3.endpoint());
        return new S3FileStore(client.build(), presigner.build(), s3.bucket());
    }

    /** The configured key, or one made on first use and kept beside the files (readable by this user only). */
    private static byte[] signingKey(FilesProperties properties, Path root) {
        if (!properties.signingKey().isBlank()) return Base64.getDecoder().decode(properties.signingKey().strip());
        Path file = root.resolve(".link-key");
        try {
            if (Files.isRegularFile(file)) return Base64.getDecoder().decode(Files.readString(file).strip());
            Files.createDirectories(root);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path partial = Files.createTempFile(root, ".link-key", ".partial",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, Base64.getEncoder().encodeToString(key), StandardOpenOption.TRUNCATE_EXISTING);
            try {
                // two processes sharing a data directory at their first start: the first key written wins
                Files.move(partial, file);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.deleteIfExists(partial);
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or make the link signing key " + file, e);
        }
    }
}
