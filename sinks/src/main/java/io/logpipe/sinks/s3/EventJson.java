package io.logpipe.sinks.s3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one event as one line of NDJSON, always the same bytes for the same event: fields in a fixed order, map
 * keys sorted, absent (null) fields and empty maps and lists left out, time with nine fraction digits. That is
 * what lets a re-upload after a crash overwrite an object with identical content. The shape is documented in
 * the module README ("S3 object format").
 */
public final class EventJson {

  /** RFC 3339 in UTC with nanoseconds, always nine digits: {@code 2023-11-14T22:13:20.123456789Z}. */
  private static final DateTimeFormatter RFC3339_NANOS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

  private final JsonFactory factory = JsonFactory.builder().build();
  private final String timeField;

  /** The S3 shape: the event time in {@code time}. */
  public EventJson() {
    this("time");
  }

  /** With the event time under another name, e.g. {@code @timestamp} for OpenSearch. */
  public EventJson(String timeField) {
    this.timeField = timeField;
  }

  /** The event as one JSON object, without the newline. */
  public byte[] toBytes(LogEvent event) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256 + event.getMessage().length());
    write(event, out);
    byte[] line = out.toByteArray();
    return java.util.Arrays.copyOf(line, line.length - 1);
  }

  /** Appends the event and a newline to {@code out} (which stays open). */
  public void write(LogEvent event, OutputStream out) {
    try (JsonGenerator json = factory.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      json.writeStartObject();
      json.writeStringField(timeField, formatTime(event.getTimeUnixNano()));
      writeIfPresent(json, "time_text", event.getTimeText());
      json.writeStringField("stream", event.getStream());
      json.writeStringField("message", event.getMessage());
      writeParsed(json, event.getParsed());
      writeKubernetes(json, event.getKubernetes());
      writeSource(json, event.getSource());
      writeList(json, "flags", event.getFlags());
      if (event.getRedaction() != null && !event.getRedaction().getCountsByRule().isEmpty()) {
        json.writeObjectFieldStart("redactions");
        for (Map.Entry<String, Integer> e : new TreeMap<>(event.getRedaction().getCountsByRule()).entrySet()) {
          json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.flush();
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String formatTime(long unixNano) {
    return RFC3339_NANOS.format(Instant.ofEpochSecond(Math.floorDiv(unixNano, 1_000_000_000L),
        Math.floorMod(unixNano, 1_000_000_000L)));
  }

  private static void writeParsed(JsonGenerator json, ParsedBody parsed) throws IOException {
    if (parsed == null) {
      return;
    }
    writeIfPresent(json, "severity", parsed.getSeverity());
    writeIfPresent(json, "body", parsed.getBody());
    if (parsed.getTimeUnixNano() != null) {
      json.writeStringField("body_time", formatTime(parsed.getTimeUnixNano()));
    }
    writeIfPresent(json, "trace_id", parsed.getTraceId());
    writeIfPresent(json, "span_id", parsed.getSpanId());
    writeMap(json, "attributes", parsed.getAttributes());
  }

  private static void writeKubernetes(JsonGenerator json, KubernetesMetadata k8s) throws IOException {
    if (k8s == null) {
      return;
    }
    json.writeObjectFieldStart("kubernetes");
    json.writeStringField("namespace", k8s.getNamespace());
    json.writeStringField("pod", k8s.getPod());
    json.writeStringField("pod_uid", k8s.getPodUid());
    json.writeStringField("container", k8s.getContainer());
    writeIfPresent(json, "container_image", k8s.getContainerImage());
    writeIfPresent(json, "node", k8s.getNode());
    writeIfPresent(json, "pod_ip", k8s.getPodIp());
    writeIfPresent(json, "owner_kind", k8s.getOwnerKind());
    writeIfPresent(json, "owner_name", k8s.getOwnerName());
    writeMap(json, "pod_labels", k8s.getPodLabels());
    writeMap(json, "pod_annotations", k8s.getPodAnnotations());
    writeMap(json, "namespace_labels", k8s.getNamespaceLabels());
    writeMap(json, "node_labels", k8s.getNodeLabels());
    json.writeEndObject();
  }

  private static void writeSource(JsonGenerator json, Source source) throws IOException {
    json.writeObjectFieldStart("source");
    json.writeStringField("node", source.getNode());
    json.writeStringField("path", source.getPath());
    FileIdentity id = source.getFileId();
    if (id != null) {
      json.writeObjectFieldStart("file_id");
      json.writeNumberField("device", id.getDevice());
      json.writeNumberField("inode", id.getInode());
      json.writeNumberField("fingerprint", id.getFingerprint());
      json.writeEndObject();
    }
    json.writeNumberField("first_offset", source.getFirstOffset());
    json.writeNumberField("last_offset", source.getLastOffset());
    json.writeNumberField("line_count", source.getLineCount());
    json.writeEndObject();
  }

  private static void writeIfPresent(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  private static void writeMap(JsonGenerator json, String name, Map<String, String> map) throws IOException {
    if (map == null || map.isEmpty()) {
      return;
    }
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      json.writeStringField(e.getKey(), e.getValue());
    }
    json.writeEndObject();
  }

  private static void writeList(JsonGenerator json, String name, List<String> values) throws IOException {
    if (values == null || values.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
