package io.logpipe.shipper.source;

import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.Source;
import io.logpipe.schemas.StreamKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code LogEvent} of a node source (issue 9: extra node files, the journal), written straight to
 * {@code logs.enriched.v1} as the events collector does for Kubernetes Events: these are not container logs, so they
 * skip multiline and the enricher and carry their own metadata. The conventions follow the collector's
 * ({@code EventKey}, {@code EventConverter}):
 *
 * <ul>
 *   <li>key {@code _node/<node>/<source>/<pseudo container>}: namespace {@value #NAMESPACE} (no namespace can start
 *       with {@code _}), the node as the pod, the source (file source name, journal unit) as the uid part, and a
 *       pseudo container ({@code _file}, {@code _journal}; no container name starts with {@code _}), so one source
 *       of one node keeps its order on one partition and routing rules on namespace or container select it;</li>
 *   <li>the same four parts in {@code kubernetes}, with {@code node} set;</li>
 *   <li>one flag naming the kind ({@code node_file}, {@code journal}) plus {@code unparsed} / {@code split} where
 *       they apply; {@code parsed.attributes} carry {@code source_type} (the same word), {@code source}, the static
 *       labels of the source, then the parsed fields (a parsed field never overrides a label).</li>
 * </ul>
 */
public final class NodeEvents {

  public static final String NAMESPACE = "_node";

  private NodeEvents() {}

  /** Where the event's bytes are: {@code fileId} null for the journal. */
  public record Origin(String node, String path, FileIdentity fileId, long offset) {}

  /** The key of a node source's events. */
  public static StreamKey key(String node, String source, String pseudoContainer) {
    return new StreamKey(NAMESPACE, node, source.replace('/', '_'), pseudoContainer);
  }

  public static LogEvent event(StreamKey key, Origin origin, Instant readTime, String message, NodeLine line,
      String kind, Map<String, String> labels, boolean split) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("source_type", kind);
    attributes.put("source", key.podUid());
    attributes.putAll(labels);
    line.attributes().forEach(attributes::putIfAbsent);
    List<String> flags = new ArrayList<>(3);
    flags.add(kind);
    if (line.unparsed()) {
      flags.add("unparsed");
    }
    if (split) {
      flags.add("split");
    }
    long readNanos = readTime.getEpochSecond() * 1_000_000_000L + readTime.getNano();
    return LogEvent.newBuilder()
        .setTimeUnixNano(line.timeUnixNano() == null ? readNanos : line.timeUnixNano())
        .setTimeText(line.timeText())
        .setStream("")
        .setMessage(message)
        .setSource(Source.newBuilder().setNode(origin.node()).setPath(origin.path()).setFileId(origin.fileId())
            .setFirstOffset(origin.offset()).setLastOffset(origin.offset()).setLineCount(1).build())
        .setFlags(flags)
        .setKubernetes(KubernetesMetadata.newBuilder().setNamespace(key.namespace()).setPod(key.pod())
            .setPodUid(key.podUid()).setContainer(key.container()).setNode(origin.node()).build())
        .setParsed(ParsedBody.newBuilder().setSeverity(line.severity()).setBody(line.body())
            .setTimeUnixNano(line.timeUnixNano()).setAttributes(attributes).build())
        .setRedaction(null)
        .build();
  }
}
