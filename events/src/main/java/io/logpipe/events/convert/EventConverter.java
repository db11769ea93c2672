package io.logpipe.events.convert;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.logpipe.events.occurrence.Occurrence;
import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.Source;
import io.logpipe.schemas.StreamKey;
import java.util.List;
import java.util.Objects;

/**
 * Turns an {@code events.k8s.io/v1} Event into the pipeline's {@link LogEvent}, as enriched (issue 9: "they carry
 * their own metadata"), so it enters at {@code logs.enriched.v1} and is redacted and routed like any other event.
 *
 * <ul>
 *   <li>{@code message}: the Event's {@code note} (at most 1 kB: the API server validates it);</li>
 *   <li>time: see {@link EventTime};</li>
 *   <li>{@code parsed.severity}: {@code type} Normal → INFO, Warning → WARN (other types: none);</li>
 *   <li>{@code parsed.attributes}: see {@link EventAttributes}, including {@code source_type=k8s_event}; the flag
 *       {@code k8s_event} says the same for rules that look at flags;</li>
 *   <li>{@code kubernetes}: the regarding object, as in the {@link EventKey record key};</li>
 *   <li>{@code source}: node = the collector's name, path = {@code k8s-events/<event uid>}, offsets = the occurrence
 *       numbers the record covers. The uid is in the path because the sinks derive an idempotent document id from
 *       node, path and first offset when there is no file identity: with the bare path {@code k8s-events} the first
 *       occurrence of every Event would share one id.</li>
 * </ul>
 */
public final class EventConverter {

  /** {@code source.path} prefix of every Event. */
  public static final String PATH_PREFIX = "k8s-events/";
  /** The flag carried by every Event record. */
  public static final String FLAG = "k8s_event";

  private final String collector;

  /** {@code collector}: the collector deployment's name, written as {@code source.node}. */
  public EventConverter(String collector) {
    this.collector = Objects.requireNonNull(collector, "collector");
  }

  /** The record: its key (from {@link EventKey}) and value. */
  public record Converted(StreamKey key, LogEvent event) {}

  public Converted convert(Event event, Occurrence occurrence, EventTime time) {
    StreamKey key = EventKey.of(event);
    Source source = Source.newBuilder()
        .setNode(collector)
        .setPath(PATH_PREFIX + occurrence.eventUid())
        .setFileId(null)
        .setFirstOffset(occurrence.first())
        .setLastOffset(occurrence.last())
        .setLineCount((int) Math.min(Integer.MAX_VALUE, occurrence.count()))
        .build();
    ParsedBody parsed = ParsedBody.newBuilder()
        .setSeverity(severity(event.getType()))
        .setTimeUnixNano(null)
        .setAttributes(EventAttributes.of(event))
        .build();
    LogEvent value = LogEvent.newBuilder()
        .setTimeUnixNano(time.unixNano())
        .setTimeText(time.text())
        .setStream("")
        .setMessage(event.getNote() == null ? "" : event.getNote())
        .setSource(source)
        .setFlags(List.of(FLAG))
        .setKubernetes(kubernetes(event, key))
        .setParsed(parsed)
        .setRedaction(null)
        .build();
    return new Converted(key, value);
  }

  /** Normal → INFO, Warning → WARN: the only two types Kubernetes defines ({@code core/v1} EventTypeNormal/Warning). */
  static String severity(String type) {
    if ("Normal".equals(type)) {
      return "INFO";
    }
    return "Warning".equals(type) ? "WARN" : null;
  }

  private static KubernetesMetadata kubernetes(Event event, StreamKey key) {
    ObjectReference regarding = event.getRegarding() == null ? new ObjectReference() : event.getRegarding();
    boolean pod = "Pod".equals(regarding.getKind());
    boolean node = "Node".equals(regarding.getKind());
    String host = event.getDeprecatedSource() == null ? null : event.getDeprecatedSource().getHost();
    return KubernetesMetadata.newBuilder()
        .setNamespace(key.namespace())
        .setPod(key.pod())
        .setPodUid(key.podUid())
        .setContainer(key.container())
        .setNode(node ? regarding.getName() : blankToNull(host))
        // For an Event about a workload (a Deployment scaled, a Job failed) that object is the top workload.
        .setOwnerKind(pod ? null : blankToNull(regarding.getKind()))
        .setOwnerName(pod ? null : blankToNull(regarding.getName()))
        .build();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The Event's own uid, the identity of its occurrences. */
  public static String uidOf(Event event) {
    ObjectMeta meta = event.getMetadata();
    return meta == null ? null : blankToNull(meta.getUid());
  }
}
