package io.logpipe.sinks.s3;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.config.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the S3 sink writes ({@code SINK_S3_*}). {@code target} is {@code file:///dir} (the same layout in a local
 * directory) or {@code s3://bucket[/prefix]}; {@code endpoint} and {@code pathStyle} point the AWS SDK at an
 * S3-compatible store (MinIO, Ceph, S3Proxy).
 */
public record S3Settings(URI target, Optional<URI> endpoint, String region, boolean pathStyle, String accessKeyId,
    Secret secretAccessKey, long multipartThreshold, int partSize) {

  static final long DEFAULT_MULTIPART_THRESHOLD = 16L << 20;
  static final int DEFAULT_PART_SIZE = 8 << 20;

  public static S3Settings read(ConfigReader r) {
    String rawTarget = r.requiredString("S3_TARGET");
    URI target = uri(r, "S3_TARGET", rawTarget).orElse(URI.create("file:///invalid"));
    r.check(rawTarget.isEmpty() || isFile(target) || isS3(target), "S3_TARGET",
        "'" + rawTarget + "' is neither file:///dir nor s3://bucket[/prefix]");
    String rawEndpoint = r.string("S3_ENDPOINT", "");
    Optional<URI> endpoint = rawEndpoint.isBlank() ? Optional.empty() : uri(r, "S3_ENDPOINT", rawEndpoint);
    String region = r.string("S3_REGION", "us-east-1");
    boolean pathStyle = r.bool("S3_PATH_STYLE", false);
    String accessKeyId = r.string("S3_ACCESS_KEY_ID", "");
    Secret secret = r.secret("S3_SECRET_ACCESS_KEY", "");
    r.check(accessKeyId.isEmpty() == secret.isEmpty(), "S3_SECRET_ACCESS_KEY",
        "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all (then the SDK's default chain)");
    long threshold = r.bytes("S3_MULTIPART_THRESHOLD", DEFAULT_MULTIPART_THRESHOLD);
    long partSize = r.bytes("S3_PART_SIZE", DEFAULT_PART_SIZE);
    r.check(partSize >= S3ObjectStore.MIN_PART_SIZE && partSize <= Integer.MAX_VALUE, "S3_PART_SIZE",
        "must be at least 5MiB (S3's smallest part) and below 2GiB");
    r.check(threshold >= partSize, "S3_MULTIPART_THRESHOLD", "must be at least S3_PART_SIZE");
    return new S3Settings(target, endpoint, region, pathStyle, accessKeyId, secret, threshold,
        (int) Math.min(Integer.MAX_VALUE, Math.max(partSize, S3ObjectStore.MIN_PART_SIZE)));
  }

  /** An S3 (or S3-compatible, with {@code endpoint}) target with static credentials and default multipart sizes. */
  public static S3Settings bucket(URI target, Optional<URI> endpoint, boolean pathStyle, String accessKeyId,
      String secretAccessKey) {
    return new S3Settings(target, endpoint, "us-east-1", pathStyle, accessKeyId, new Secret(secretAccessKey),
        DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE);
  }

  /** A local-directory target (the {@code local} mode and tests). */
  public static S3Settings directory(Path dir) {
    return new S3Settings(dir.toAbsolutePath().toUri(), Optional.empty(), "us-east-1", false, "", new Secret(""),
        DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE);
  }

  public boolean isFileTarget() {
    return isFile(target);
  }

  /** The bucket of an {@code s3://} target. */
  public String bucket() {
    return target.getHost();
  }

  /** The key prefix: the path of an {@code s3://} target, empty for a directory (the directory is the root). */
  public String prefix() {
    return isFileTarget() || target.getPath() == null ? "" : target.getPath();
  }

  @Override
  public String toString() {
    return "S3Settings[target=" + target + ", endpoint=" + endpoint + ", region=" + region + ", pathStyle="
        + pathStyle + ", accessKeyId=" + accessKeyId + ", secretAccessKey=" + secretAccessKey + "]";
  }

  private static boolean isFile(URI uri) {
    return "file".equals(uri.getScheme()) && uri.getPath() != null && !uri.getPath().isEmpty();
  }

  private static boolean isS3(URI uri) {
    return "s3".equals(uri.getScheme()) && uri.getHost() != null;
  }

  private static Optional<URI> uri(ConfigReader r, String name, String raw) {
    try {
      return Optional.of(new URI(raw.strip()));
    } catch (URISyntaxException e) {
      r.check(false, name, "'" + raw + "' is not a URI: " + e.getReason());
      return Optional.empty();
    }
  }
}
