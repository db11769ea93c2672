package io.logpipe.shipper.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.logpipe.shipper.source.NodeLine;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A line of the API server's audit log ({@code --audit-log-path}, JSON format): one {@code audit.k8s.io/v1}
 * {@code Event} per line, as documented in the Kubernetes API reference ("kube-apiserver Audit Configuration (v1)").
 * The fields issue 9 asks for become attributes under their JSON names: {@code user.username}, {@code verb},
 * {@code objectRef.resource}, {@code objectRef.namespace}, {@code objectRef.name}, {@code objectRef.subresource},
 * {@code responseStatus.code}, {@code stage}, {@code auditID}, {@code requestURI}, {@code sourceIPs} (comma-joined);
 * also {@code level}, {@code objectRef.apiGroup} and {@code userAgent}. Absent fields are left out.
 *
 * <p>Time: {@code stageTimestamp} (when the stage was reached), else {@code requestReceivedTimestamp}. Severity from
 * the response code: below 400 INFO, 4xx WARN, 5xx ERROR; no code yet (stage {@code RequestReceived}) INFO. A line
 * that is not JSON, or not an audit Event, is shipped as text, flagged {@code unparsed}.
 */
final class AuditLine {

  private AuditLine() {}

  static NodeLine parse(String line) {
    JsonNode event = JsonLine.tree(line);
    if (event == null || !"Event".equals(event.path("kind").asText())
        || !event.path("apiVersion").asText().startsWith("audit.k8s.io/")) {
      return NodeLine.plain(true);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "auditID", event.path("auditID"));
    put(fields, "stage", event.path("stage"));
    put(fields, "level", event.path("level"));
    put(fields, "verb", event.path("verb"));
    put(fields, "requestURI", event.path("requestURI"));
    put(fields, "user.username", event.path("user").path("username"));
    JsonNode ref = event.path("objectRef");
    for (String name : new String[] {"resource", "namespace", "name", "subresource", "apiGroup"}) {
      put(fields, "objectRef." + name, ref.path(name));
    }
    JsonNode code = event.path("responseStatus").path("code");
    put(fields, "responseStatus.code", code);
    JsonNode ips = event.path("sourceIPs");
    if (ips.isArray() && !ips.isEmpty()) {
      StringJoiner joined = new StringJoiner(",");
      ips.forEach(ip -> joined.add(ip.asText()));
      fields.put("sourceIPs", joined.toString());
    }
    put(fields, "userAgent", event.path("userAgent"));
    String time = event.path("stageTimestamp").asText(event.path("requestReceivedTimestamp").asText(""));
    Long nanos = null;
    try {
      nanos = time.isEmpty() ? null : JsonLine.nanos(Instant.parse(time));
    } catch (DateTimeParseException ignored) {
      time = "";
    }
    return new NodeLine(nanos, time.isEmpty() ? null : time, severity(code), null, fields, false);
  }

  static String severity(JsonNode code) {
    if (!code.canConvertToInt()) {
      return "INFO";
    }
    int c = code.asInt();
    return c >= 500 ? "ERROR" : c >= 400 ? "WARN" : "INFO";
  }

  private static void put(Map<String, String> fields, String name, JsonNode value) {
    if (value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
      fields.put(name, value.asText());
    }
  }
}
