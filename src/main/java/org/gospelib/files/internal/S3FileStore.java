package org.gospelib.files.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gospelib.files.FileKeys;
import org.gospelib.files.FileStore;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Files in an S3 bucket (or any S3-protocol store), shared by every replica: the split default.
 * Links are S3 presigned GETs, minted when asked for and never stored; S3 itself refuses them
 * (403) once expired or changed. Expiry of temporary files is the bucket's lifecycle rule
 * ({@code deploy/terraform/modules/s3}).
 */
final class S3FileStore implements FileStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3FileStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(FileKeys.check(key)).contentType(contentType).build(),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<StoredFile> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket)
                    .key(FileKeys.check(key)).build());
            String type = bytes.response().contentType();
            return Optional.of(new StoredFile(bytes.asByteArray(), type == null ? ContentTypes.of(key) : type));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(FileKeys.check(key)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(FileKeys.check(key)));
    }

    @Override
    public void deleteAll(String prefix) {
        FileKeys.check(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        // a reader has a handful of exports: one request per file, no batch body to sign
        for (S3Object object : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
                .contents()) {
            s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
        }
    }

    @Override
    public SignedLink sign(String key, Duration lifetime, String downloadName) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(FileKeys.check(key))
                .responseContentDisposition(Downloads.contentDisposition(downloadName)).build();
        var presigned = presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(lifetime)
                .getObjectRequest(get).build());
        return new SignedLink(java.net.URI.create(presigned.url().toString()), presigned.expiration() == null
                ? Instant.now().plus(lifetime) : presigned.expiration());
    }
}
