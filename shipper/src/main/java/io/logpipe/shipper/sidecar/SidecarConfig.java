package io.logpipe.shipper.sidecar;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.schemas.PodLogPath;
import io.logpipe.schemas.StreamKey;
import io.logpipe.shipper.source.GlobScan;
import java.util.List;
import java.util.Optional;

/**
 * Sidecar mode (issue 9): the shipper runs inside an application's pod and ships the files the application writes
 * to a shared {@code emptyDir}, as that pod's container log. On when {@code SHIPPER_SIDECAR_GLOBS} is set. The
 * pod's identity comes from the downward API: {@code POD_NAMESPACE} ({@code metadata.namespace}), {@code POD_NAME}
 * ({@code metadata.name}), {@code POD_UID} ({@code metadata.uid}); the container name, which the downward API does
 * not offer, is set literally in {@code SHIPPER_SIDECAR_CONTAINER}. Each also reads as {@code SHIPPER_SIDECAR_*}.
 *
 * @param stream  the CRI stream written in each line's frame ({@code stdout} or {@code stderr})
 */
public record SidecarConfig(List<String> globs, StreamKey pod, String stream) {

  /** Stands in for an identity reported as a problem (the reader then fails with every problem). */
  private static final StreamKey UNKNOWN = new StreamKey("_", "_", "_", "_");

  public SidecarConfig {
    globs = List.copyOf(globs);
  }

  /** Sidecar settings if {@code SIDECAR_GLOBS} is set, every problem reported through {@code r}. */
  public static Optional<SidecarConfig> read(ConfigReader r) {
    List<String> globs = r.list("SIDECAR_GLOBS", List.of());
    if (globs.isEmpty()) {
      return Optional.empty();
    }
    globs.forEach(g -> problem(r, "SIDECAR_GLOBS", GlobScan.problem(g)));
    r.withAlias("SIDECAR_NAMESPACE", "POD_NAMESPACE");
    r.withAlias("SIDECAR_POD", "POD_NAME");
    r.withAlias("SIDECAR_POD_UID", "POD_UID");
    String namespace = r.requiredString("SIDECAR_NAMESPACE");
    String pod = r.requiredString("SIDECAR_POD");
    String uid = r.requiredString("SIDECAR_POD_UID");
    String container = r.requiredString("SIDECAR_CONTAINER");
    String stream = r.string("SIDECAR_STREAM", "stdout");
    r.check(stream.equals("stdout") || stream.equals("stderr"), "SIDECAR_STREAM", "must be stdout or stderr");
    boolean complete = java.util.stream.Stream.of(namespace, pod, uid, container)
        .allMatch(part -> !part.isEmpty() && part.indexOf('/') < 0);
    // The key must survive the path the rest of the pipeline parses it back from (multiline, enricher).
    StreamKey key = complete ? new StreamKey(namespace, pod, uid, container) : UNKNOWN;
    boolean parses = PodLogPath.parse(SidecarRecords.kubeletPath(key)).map(p -> p.stream().equals(key))
        .orElse(false);
    r.check(parses || !complete, "SIDECAR_CONTAINER", "with the pod's namespace, name and uid must form a kubelet"
        + " log path (no '/' in any, no '_' in namespace or pod name)");
    r.check(complete || namespace.isEmpty() || pod.isEmpty() || uid.isEmpty() || container.isEmpty(),
        "SIDECAR_CONTAINER", "and the pod's namespace, name and uid must not contain '/'");
    return Optional.of(new SidecarConfig(globs, key, stream));
  }

  private static void problem(ConfigReader r, String name, String problem) {
    r.check(problem == null, name, problem == null ? "" : problem);
  }
}
