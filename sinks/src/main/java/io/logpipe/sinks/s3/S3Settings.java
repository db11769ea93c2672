package io.logpipe.sinks.s3;

import io.logpipe.runtime.config.ConfigReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the S3 sink writes ({@code SINK_S3_*}). {@code target} is {@code file:///dir} (the same layout in a local
 * directory) or {@code s3://bucket[/prefix]}; {@code endpoint} and {@code pathStyle} point the AWS SDK at an
 * S3-compatible store (MinIO, Ceph, S3Proxy).
 */
public record S3Settings(URI target, Optional<URI> endpoint, String region, boolean pathStyle) {

  public static S3Settings read(ConfigReader r) {
    String rawTarget = r.requiredString("S3_TARGET");
    URI target = uri(r, "S3_TARGET", rawTarget).orElse(URI.create("file:///invalid"));
    r.check(rawTarget.isEmpty() || isFile(target) || isS3(target), "S3_TARGET",
        "'" + rawTarget + "' is neither file:///dir nor s3://bucket[/prefix]");
    String rawEndpoint = r.string("S3_ENDPOINT", "");
    Optional<URI> endpoint = rawEndpoint.isBlank() ? Optional.empty() : uri(r, "S3_ENDPOINT", rawEndpoint);
    String region = r.string("S3_REGION", "us-east-1");
    boolean pathStyle = r.bool("S3_PATH_STYLE", false);
    return new S3Settings(target, endpoint, region, pathStyle);
  }

  /** A local-directory target (the {@code local} mode and tests). */
  public static S3Settings directory(Path dir) {
    return new S3Settings(dir.toAbsolutePath().toUri(), Optional.empty(), "us-east-1", false);
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
