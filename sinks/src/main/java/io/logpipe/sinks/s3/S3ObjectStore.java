package io.logpipe.sinks.s3;

import io.logpipe.sinks.worker.TransientSinkException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in S3 (or an S3-compatible store) through the AWS SDK v2. A PUT is atomic and replaces an object of the
 * same key, which is what makes a re-upload after a crash harmless. Objects of {@code multipartThreshold} bytes or
 * more go up as a multipart upload (parts of {@code partSize}, at least S3's 5 MiB), aborted if any part fails.
 *
 * <p>Throttling (429, 503 SlowDown), server errors and I/O failures are transient; any other error (403, a missing
 * bucket) is a deployment problem that retrying cannot fix, so it stops the worker.
 */
public final class S3ObjectStore implements ObjectStore {

  /** S3's smallest part, except for the last. */
  public static final int MIN_PART_SIZE = 5 << 20;
  static final String CONTENT_TYPE = "application/gzip";

  private final S3Client client;
  private final String bucket;
  private final long multipartThreshold;
  private final int partSize;

  public S3ObjectStore(S3Client client, String bucket, long multipartThreshold, int partSize) {
    if (partSize < MIN_PART_SIZE || multipartThreshold < partSize) {
      throw new IllegalArgumentException("multipart needs parts of at least 5 MiB and a threshold >= the part size");
    }
    this.client = client;
    this.bucket = bucket;
    this.multipartThreshold = multipartThreshold;
    this.partSize = partSize;
  }

  /** A client for the settings: region, endpoint override, path style, static or default credentials. */
  public static S3ObjectStore create(S3Settings s3) {
    S3ClientBuilder builder = S3Client.builder().region(Region.of(s3.region())).forcePathStyle(s3.pathStyle());
    s3.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
        // S3-compatible stores do not all accept the SDK's default trailing checksums.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
    builder.credentialsProvider(s3.accessKeyId().isEmpty() ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(
            AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey().reveal())));
    return new S3ObjectStore(builder.build(), s3.bucket(), s3.multipartThreshold(), s3.partSize());
  }

  @Override
  public void put(String key, byte[] body) {
    try {
      if (body.length >= multipartThreshold) {
        putMultipart(key, body);
      } else {
        client.putObject(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE), RequestBody.fromBytes(body));
      }
    } catch (S3Exception e) {
      int status = e.statusCode();
      if (status == 429 || status >= 500) {
        throw new TransientSinkException("s3://" + bucket + "/" + key + ": " + status + " " + errorCode(e), e);
      }
      throw new IllegalStateException("s3://" + bucket + "/" + key + " refused: " + status + " " + errorCode(e), e);
    } catch (SdkClientException e) {
      throw new TransientSinkException("s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    }
  }

  private void putMultipart(String key, byte[] body) {
    String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE))
        .uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      int offset = 0;
      while (offset < body.length) {
        // A remainder smaller than a part joins the last part: every part but the last is at least partSize.
        int remaining = body.length - offset;
        int length = remaining < 2 * partSize ? remaining : partSize;
        int partNumber = parts.size() + 1;
        int from = offset;
        String etag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
            RequestBody.fromBytes(Arrays.copyOfRange(body, from, from + length))).eTag();
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        offset += length;
      }
      client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
          .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    } catch (RuntimeException e) {
      try {
        client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      } catch (RuntimeException abortFailed) {
        e.addSuppressed(abortFailed); // the bucket's lifecycle rule for incomplete uploads cleans up
      }
      throw e;
    }
  }

  private static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
  }

  @Override
  public String target() {
    return "s3://" + bucket + "/";
  }

  @Override
  public void close() {
    client.close();
  }
}
