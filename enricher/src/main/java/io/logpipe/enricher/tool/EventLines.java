package io.logpipe.enricher.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code enrich} tool's JSON lines. Input is the shape {@code bin/logpipe parse} prints ({@code stream},
 * {@code time}, {@code timeUnixNano}, {@code message}, {@code source{path, firstOffset, lastOffset, lineCount}},
 * {@code flags}); only {@code message} and {@code source.path} are required. Output is the input's fields plus
 * {@code kubernetes} (the metadata, nulls and empty maps left out) and {@code attributes} (the parsed fields:
 * {@code severity}, {@code body}, {@code timeUnixNano}, {@code traceId}, {@code spanId} and every other body field
 * by its dotted key).
 */
final class EventLines {

  private final ObjectMapper mapper = new ObjectMapper();

  /** Reads one line, or throws {@link IllegalArgumentException} saying what is wrong with it. */
  LogEvent read(String line) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode message = node.get("message");
    JsonNode source = node.path("source");
    JsonNode path = source.get("path");
    if (message == null || !message.isTextual() || path == null || !path.isTextual()) {
      throw new IllegalArgumentException("needs at least \"message\" and \"source\": {\"path\"} as strings");
    }
    List<String> flags = new ArrayList<>();
    node.path("flags").forEach(f -> flags.add(f.asText()));
    return LogEvent.newBuilder()
        .setTimeUnixNano(node.path("timeUnixNano").asLong(0))
        .setTimeText(node.hasNonNull("time") ? node.get("time").asText() : null)
        .setStream(node.path("stream").asText(""))
        .setMessage(message.asText())
        .setSource(Source.newBuilder()
            .setNode(source.path("node").asText(""))
            .setPath(path.asText())
            .setFirstOffset(source.path("firstOffset").asLong(0))
            .setLastOffset(source.path("lastOffset").asLong(0))
            .setLineCount(source.path("lineCount").asInt(1))
            .build())
        .setFlags(flags)
        .build();
  }

  String write(LogEvent e) {
    ObjectNode out = mapper.createObjectNode();
    out.put("stream", e.getStream());
    out.put("time", e.getTimeText());
    out.put("timeUnixNano", e.getTimeUnixNano());
    out.put("message", e.getMessage());
    ObjectNode source = out.putObject("source");
    source.put("node", e.getSource().getNode());
    source.put("path", e.getSource().getPath());
    source.put("firstOffset", e.getSource().getFirstOffset());
    source.put("lastOffset", e.getSource().getLastOffset());
    source.put("lineCount", e.getSource().getLineCount());
    e.getFlags().forEach(out.putArray("flags")::add);
    if (e.getKubernetes() != null) {
      kubernetes(out.putObject("kubernetes"), e.getKubernetes());
    }
    if (e.getParsed() != null) {
      attributes(out.putObject("attributes"), e.getParsed());
    }
    try {
      return mapper.writeValueAsString(out);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static void kubernetes(ObjectNode k, KubernetesMetadata m) {
    k.put("namespace", m.getNamespace());
    k.put("pod", m.getPod());
    k.put("podUid", m.getPodUid());
    k.put("container", m.getContainer());
    putIfSet(k, "containerImage", m.getContainerImage());
    putIfSet(k, "node", m.getNode());
    putIfSet(k, "podIp", m.getPodIp());
    putIfSet(k, "ownerKind", m.getOwnerKind());
    putIfSet(k, "ownerName", m.getOwnerName());
    putMap(k, "podLabels", m.getPodLabels());
    putMap(k, "podAnnotations", m.getPodAnnotations());
    putMap(k, "namespaceLabels", m.getNamespaceLabels());
    putMap(k, "nodeLabels", m.getNodeLabels());
  }

  private static void attributes(ObjectNode a, ParsedBody p) {
    new TreeMap<>(p.getAttributes()).forEach(a::put);
    putIfSet(a, "severity", p.getSeverity());
    putIfSet(a, "body", p.getBody());
    if (p.getTimeUnixNano() != null) {
      a.put("timeUnixNano", p.getTimeUnixNano());
    }
    putIfSet(a, "traceId", p.getTraceId());
    putIfSet(a, "spanId", p.getSpanId());
  }

  private static void putIfSet(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static void putMap(ObjectNode node, String name, Map<String, String> map) {
    if (map != null && !map.isEmpty()) {
      ObjectNode o = node.putObject(name);
      new TreeMap<>(map).forEach(o::put);
    }
  }
}
