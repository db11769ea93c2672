package io.logpipe.shipper.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.shipper.source.NodeLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Audit lines written by hand from the documented audit.k8s.io/v1 Event format (kube-apiserver, JSON backend). */
class AuditLineTest {

  /** A ResponseComplete event at Metadata level, as the API server writes one per line. */
  static final String DELETE_POD = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\","
      + "\"auditID\":\"8d1a6e4f-3c2b-4b8e-9f8a-1e2d3c4b5a69\",\"stage\":\"ResponseComplete\","
      + "\"requestURI\":\"/api/v1/namespaces/shop/pods/web-7d9f8-abcde\",\"verb\":\"delete\","
      + "\"user\":{\"username\":\"system:serviceaccount:kube-system:replicaset-controller\","
      + "\"uid\":\"0c2f1e3a\",\"groups\":[\"system:serviceaccounts\",\"system:authenticated\"]},"
      + "\"sourceIPs\":[\"10.0.0.12\",\"192.168.1.4\"],\"userAgent\":\"kube-controller-manager/v1.31.2\","
      + "\"objectRef\":{\"resource\":\"pods\",\"namespace\":\"shop\",\"name\":\"web-7d9f8-abcde\",\"apiVersion\":\"v1\"},"
      + "\"responseStatus\":{\"metadata\":{},\"code\":200},"
      + "\"requestReceivedTimestamp\":\"2026-11-21T02:15:28.101234Z\",\"stageTimestamp\":\"2026-11-21T02:15:28.123456Z\","
      + "\"annotations\":{\"authorization.k8s.io/decision\":\"allow\"}}";

  /** A Forbidden get of a Secret's subresource: a 403 with a status message. */
  static final String FORBIDDEN = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Request\","
      + "\"auditID\":\"a1\",\"stage\":\"ResponseComplete\",\"requestURI\":\"/api/v1/namespaces/prod/secrets/db/status\","
      + "\"verb\":\"get\",\"user\":{\"username\":\"jane@example.com\"},\"sourceIPs\":[\"203.0.113.7\"],"
      + "\"objectRef\":{\"resource\":\"secrets\",\"namespace\":\"prod\",\"name\":\"db\",\"subresource\":\"status\"},"
      + "\"responseStatus\":{\"metadata\":{},\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403},"
      + "\"requestReceivedTimestamp\":\"2026-11-21T02:16:00.000001Z\",\"stageTimestamp\":\"2026-11-21T02:16:00.002000Z\"}";

  @Test
  void makesUserVerbResourceAndResponseCodeFields() {
    NodeLine line = AuditLine.parse(DELETE_POD);

    assertThat(line.unparsed()).isFalse();
    assertThat(line.attributes())
        .containsEntry("user.username", "system:serviceaccount:kube-system:replicaset-controller")
        .containsEntry("verb", "delete")
        .containsEntry("objectRef.resource", "pods")
        .containsEntry("objectRef.namespace", "shop")
        .containsEntry("objectRef.name", "web-7d9f8-abcde")
        .containsEntry("responseStatus.code", "200")
        .containsEntry("stage", "ResponseComplete")
        .containsEntry("auditID", "8d1a6e4f-3c2b-4b8e-9f8a-1e2d3c4b5a69")
        .containsEntry("requestURI", "/api/v1/namespaces/shop/pods/web-7d9f8-abcde")
        .containsEntry("sourceIPs", "10.0.0.12,192.168.1.4")
        .containsEntry("level", "Metadata")
        .doesNotContainKey("objectRef.subresource");
    assertThat(line.severity()).isEqualTo("INFO");
    assertThat(line.timeText()).isEqualTo("2026-11-21T02:15:28.123456Z");
    Instant t = Instant.parse("2026-11-21T02:15:28.123456Z");
    assertThat(line.timeUnixNano()).isEqualTo(t.getEpochSecond() * 1_000_000_000L + t.getNano());
  }

  @Test
  void takesTheSubresourceAndWarnsOnAClientError() {
    NodeLine line = AuditLine.parse(FORBIDDEN);

    assertThat(line.attributes()).containsEntry("objectRef.subresource", "status")
        .containsEntry("responseStatus.code", "403").containsEntry("user.username", "jane@example.com");
    assertThat(line.severity()).isEqualTo("WARN");
  }

  @ParameterizedTest
  @CsvSource({"200,INFO", "201,INFO", "304,INFO", "404,WARN", "429,WARN", "500,ERROR", "503,ERROR"})
  void takesTheSeverityFromTheResponseCode(int code, String severity) {
    assertThat(AuditLine.parse(FORBIDDEN.replace("\"code\":403", "\"code\":" + code)).severity()).isEqualTo(severity);
  }

  @Test
  void aRequestNotAnsweredYetHasNoCodeAndIsInfo() {
    String received = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",\"auditID\":\"b2\","
        + "\"stage\":\"RequestReceived\",\"requestURI\":\"/api/v1/nodes?watch=true\",\"verb\":\"watch\","
        + "\"user\":{\"username\":\"system:node:worker-1\"},\"sourceIPs\":[\"10.0.0.3\"],"
        + "\"objectRef\":{\"resource\":\"nodes\"},\"requestReceivedTimestamp\":\"2026-11-21T02:17:00.000000Z\","
        + "\"stageTimestamp\":\"2026-11-21T02:17:00.000000Z\"}";
    NodeLine line = AuditLine.parse(received);

    assertThat(line.attributes()).containsEntry("stage", "RequestReceived").doesNotContainKey("responseStatus.code")
        .doesNotContainKey("objectRef.namespace");
    assertThat(line.severity()).isEqualTo("INFO");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "not json at all",
      "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\"",
      "[1,2,3]",
      "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{}}",
      "{\"kind\":\"Event\",\"apiVersion\":\"events.k8s.io/v1\",\"note\":\"x\"}"})
  void shipsWhatIsNotAnAuditEventAsTextFlaggedUnparsed(String text) {
    NodeLine line = AuditLine.parse(text);

    assertThat(line.unparsed()).isTrue();
    assertThat(line.attributes()).isEmpty();
  }

  @Test
  void anInvalidTimestampLeavesTheReadTime() {
    NodeLine line = AuditLine.parse(FORBIDDEN.replace("2026-11-21T02:16:00.002000Z", "yesterday"));

    assertThat(line.unparsed()).isFalse();
    assertThat(line.timeUnixNano()).isNull();
    assertThat(line.timeText()).isNull();
  }
}
