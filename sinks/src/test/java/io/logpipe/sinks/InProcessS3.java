package io.logpipe.sinks;

import io.logpipe.sinks.s3.S3Settings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** An S3-compatible server in this JVM (S3Proxy over an in-memory store) on a free loopback port. */
public final class InProcessS3 implements AutoCloseable {

  public static final String ACCESS_KEY = "logpipe-access";
  public static final String SECRET_KEY = "logpipe-secret";

  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3Client client;

  private InProcessS3(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
    this.client = newClient();
  }

  /** A client of its own (the caller closes it). */
  S3Client newClient() {
    return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  public static InProcessS3 start() throws Exception {
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(new TransientNio2BlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    return new InProcessS3(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
  }

  /** The endpoint a client overrides the AWS one with (path-style requests). */
  public URI endpoint() {
    return endpoint;
  }

  /** A fresh bucket. */
  public String createBucket(String name) {
    client.createBucket(b -> b.bucket(name));
    return name;
  }

  /** The settings of a sink writing to {@code s3://bucket/prefix} here. */
  public S3Settings settings(String bucket, String prefix) {
    return S3Settings.bucket(URI.create("s3://" + bucket + "/" + prefix), Optional.of(endpoint), true, ACCESS_KEY,
        SECRET_KEY);
  }

  S3Client client() {
    return client;
  }

  /** Every object of a bucket, key to bytes. */
  public Map<String, byte[]> objects(String bucket) {
    Map<String, byte[]> objects = new TreeMap<>();
    for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
      objects.put(object.key(), client.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray());
    }
    return objects;
  }

  @Override
  public void close() {
    client.close();
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop S3Proxy", e);
    }
  }
}
