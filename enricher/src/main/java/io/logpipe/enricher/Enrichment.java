package io.logpipe.enricher;

import io.logpipe.enricher.body.BodyParser;
import io.logpipe.enricher.cache.PodView;
import io.logpipe.enricher.meta.BodyFormat;
import io.logpipe.enricher.meta.PodMeta;
import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.PodLogPath;
import io.logpipe.schemas.StreamKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completes one event with what is known of its pod and what its body says (issue 5). Plain logic, no Kafka: the
 * stream processor and the offline {@code enrich} tool both call it. The event is completed in place (its
 * {@code kubernetes}, {@code parsed} and {@code flags}); the message is never changed.
 */
public final class Enrichment {

  /** Flag: the pod was not known when the event went on; only what its path tells is filled. */
  public static final String FLAG_METADATA_MISSING = "metadata_missing";

  private final BodyParser bodies;

  public Enrichment(BodyParser bodies) {
    this.bodies = bodies;
  }

  /** The stream of an event: from its record key, else from its source path; empty when neither is a stream. */
  public static Optional<StreamKey> streamOf(String key, LogEvent event) {
    StreamKey keyed = streamOfKey(key);
    return keyed != null ? Optional.of(keyed) : streamOfPath(event);
  }

  /** The stream a record key names, or null when the key is not a stream key. */
  public static StreamKey streamOfKey(String key) {
    // StreamKey.parse's rule (exactly three slashes, four non-empty parts) found with indexOf: its String.split
    // builds a list and an array per event, and every event's key passes here.
    int first = key == null ? -1 : key.indexOf('/');
    int second = first < 0 ? -1 : key.indexOf('/', first + 1);
    int third = second < 0 ? -1 : key.indexOf('/', second + 1);
    if (third < 0 || key.indexOf('/', third + 1) >= 0 || first == 0 || second == first + 1 || third == second + 1
        || third == key.length() - 1) {
      return null;
    }
    return new StreamKey(key.substring(0, first), key.substring(first + 1, second), key.substring(second + 1, third),
        key.substring(third + 1));
  }

  /** The stream of an event's source path; empty when it is not a pod log. */
  public static Optional<StreamKey> streamOfPath(LogEvent event) {
    String path = event.getSource() == null ? null : event.getSource().getPath();
    return PodLogPath.parse(path).map(PodLogPath::stream);
  }

  /** True when the pod asks for its events to be dropped ({@code logpipe.io/exclude: "true"}). */
  public static boolean excluded(PodView view) {
    return view != null && view.pod().hints().exclude();
  }

  /**
   * Fills the event from its pod's view; with {@code view} null, only from its stream, flagged
   * {@code metadata_missing} when {@code missing} (the pod could have been known). {@code stream} null (an event
   * from no pod log at all) gets no metadata.
   */
  public LogEvent complete(StreamKey stream, LogEvent event, PodView view, boolean missing) {
    if (stream != null) {
      event.setKubernetes(view == null ? fromPath(stream) : fromView(stream, view));
    }
    BodyFormat format = view == null ? BodyFormat.AUTO : view.pod().hints().parser();
    BodyParser.Result body = bodies.parse(event.getMessage(), format);
    event.setParsed(body.parsed());
    boolean flagMissing = view == null && missing;
    if (flagMissing || !body.flags().isEmpty() || event.getFlags() == null) {
      // A new list only when a flag is added: most events keep the (usually empty) list they were decoded with.
      List<String> flags = new ArrayList<>(event.getFlags() == null ? List.of() : event.getFlags());
      if (flagMissing) {
        flags.add(FLAG_METADATA_MISSING);
      }
      flags.addAll(body.flags());
      event.setFlags(flags);
    }
    return event;
  }

  // The all-arguments constructors, not the Avro builders: per event, a builder deep-copies the schema default of
  // every field left unset.
  private static KubernetesMetadata fromPath(StreamKey stream) {
    return new KubernetesMetadata(stream.namespace(), stream.pod(), stream.podUid(), stream.container(),
        null, null, null, null, null, Map.of(), Map.of(), Map.of(), Map.of());
  }

  private static KubernetesMetadata fromView(StreamKey stream, PodView view) {
    PodMeta pod = view.pod();
    return new KubernetesMetadata(pod.namespace(), pod.name(), pod.uid(), stream.container(),
        pod.containerImages().get(stream.container()), pod.node(), pod.podIp(),
        view.owner() == null ? null : view.owner().kind(), view.owner() == null ? null : view.owner().name(),
        pod.labels(), pod.annotations(), view.namespaceLabels(), view.nodeLabels());
  }
}
