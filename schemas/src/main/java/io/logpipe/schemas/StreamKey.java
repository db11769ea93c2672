package io.logpipe.schemas;

import java.util.Objects;

/**
 * The key of every pipeline topic: one container's log stream, {@code namespace/pod/podUid/container}.
 *
 * <p>Keying every topic by the stream (with the same partition count everywhere) keeps the order of one
 * container's lines end to end without a repartition step. None of the four parts can contain a slash: they
 * are Kubernetes names (DNS labels or subdomains) and a UID.
 */
public record StreamKey(String namespace, String pod, String podUid, String container) {

  public StreamKey {
    requirePart("namespace", namespace);
    requirePart("pod", pod);
    requirePart("podUid", podUid);
    requirePart("container", container);
  }

  /** Parses the wire form {@code namespace/pod/podUid/container}. */
  public static StreamKey parse(String key) {
    Objects.requireNonNull(key, "key");
    String[] parts = key.split("/", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("a stream key has four parts namespace/pod/podUid/container: '" + key + "'");
    }
    return new StreamKey(parts[0], parts[1], parts[2], parts[3]);
  }

  /** The wire form, as used for the Kafka record key. */
  @Override
  public String toString() {
    return namespace + '/' + pod + '/' + podUid + '/' + container;
  }

  private static void requirePart(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("stream key " + name + " is empty");
    }
    if (value.indexOf('/') >= 0) {
      throw new IllegalArgumentException("stream key " + name + " contains '/': '" + value + "'");
    }
  }
}
