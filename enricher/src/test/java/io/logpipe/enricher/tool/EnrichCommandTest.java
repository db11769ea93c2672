package io.logpipe.enricher.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EnrichCommandTest {

  private static final String OBJECTS = """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels: {app.kubernetes.io/part-of: shop, kubernetes.io/metadata.name: shop}
      ---
      apiVersion: v1
      kind: Node
      metadata:
        name: node-1
        labels: {topology.kubernetes.io/zone: eu-1a}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: app, image: shop/web:1.2}]}
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-7d9c8b
        namespace: shop
        ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-7d9c8b-x2x4q
        namespace: shop
        labels: {app: web, pod-template-hash: 7d9c8b}
        ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9c8b, uid: r1, controller: true}]
      spec:
        nodeName: node-1
        containers: [{name: app, image: shop/web:1.2}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: noisy
        namespace: shop
        annotations: {logpipe.io/exclude: "true"}
      spec:
        containers: [{name: app, image: busybox}]
      """;

  private static final String WEB = "/var/log/pods/shop_web-7d9c8b-x2x4q_0f1e2d3c-aaaa-bbbb-cccc-123456789abc/app/0.log";

  private static String event(String path, String message) {
    return "{\"stream\":\"stdout\",\"time\":\"2024-01-02T03:04:05Z\",\"timeUnixNano\":1704164645000000000,"
        + "\"message\":" + new ObjectMapper().valueToTree(message) + ",\"source\":{\"path\":\"" + path
        + "\",\"firstOffset\":0,\"lastOffset\":0,\"lineCount\":1},\"flags\":[]}";
  }

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private List<JsonNode> run(String stdin) throws IOException {
    Path objects = Files.writeString(dir.resolve("objects.yaml"), OBJECTS);
    CommandLine cli = new CommandLine(new EnrichCommand(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("--objects", objects.toString());
    assertThat(code).as(err.toString()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(new ObjectMapper().readTree(line));
      }
    }
    return lines;
  }

  @Test
  void enrichesEventsFromTheObjectsFileAndParsesTheirBodies() throws IOException {
    List<JsonNode> events = run(event(WEB, "{\"level\":\"error\",\"msg\":\"boom\",\"order\":{\"id\":7}}") + "\n");

    JsonNode e = events.get(0);
    assertThat(e.path("message").asText()).isEqualTo("{\"level\":\"error\",\"msg\":\"boom\",\"order\":{\"id\":7}}");
    JsonNode k = e.path("kubernetes");
    assertThat(k.path("namespace").asText()).isEqualTo("shop");
    assertThat(k.path("podUid").asText()).isEqualTo("0f1e2d3c-aaaa-bbbb-cccc-123456789abc");
    assertThat(k.path("container").asText()).isEqualTo("app");
    assertThat(k.path("containerImage").asText()).isEqualTo("shop/web:1.2");
    assertThat(k.path("ownerKind").asText()).isEqualTo("Deployment");
    assertThat(k.path("ownerName").asText()).isEqualTo("web");
    assertThat(k.path("node").asText()).isEqualTo("node-1");
    assertThat(k.path("podLabels").path("app").asText()).isEqualTo("web");
    assertThat(k.path("podLabels").has("pod-template-hash")).isFalse();
    assertThat(k.path("namespaceLabels").path("app.kubernetes.io/part-of").asText()).isEqualTo("shop");
    assertThat(k.path("nodeLabels").path("topology.kubernetes.io/zone").asText()).isEqualTo("eu-1a");
    JsonNode a = e.path("attributes");
    assertThat(a.path("severity").asText()).isEqualTo("ERROR");
    assertThat(a.path("body").asText()).isEqualTo("boom");
    assertThat(a.path("order.id").asText()).isEqualTo("7");
    assertThat(e.path("flags")).isEmpty();
  }

  @Test
  void flagsEventsOfPodsNotInTheFileAndDropsExcludedOnes() throws IOException {
    String unknown = "/var/log/pods/shop_ghost_9999/app/0.log";
    String noisy = "/var/log/pods/shop_noisy_1234/app/0.log";

    List<JsonNode> events = run(event(unknown, "WARN who am I") + "\n" + event(noisy, "spam") + "\n");

    assertThat(events).hasSize(1);
    assertThat(events.get(0).path("flags").get(0).asText()).isEqualTo("metadata_missing");
    assertThat(events.get(0).path("kubernetes").path("pod").asText()).isEqualTo("ghost");
    assertThat(events.get(0).path("attributes").path("severity").asText()).isEqualTo("WARN");
    assertThat(err.toString()).contains("1 excluded");
  }

  @Test
  void reportsBadLinesAndGoesOn() throws IOException {
    List<JsonNode> events = run("not json\n{\"message\":\"no path\"}\n" + event(WEB, "fine") + "\n");

    assertThat(events).hasSize(1);
    assertThat(err.toString()).contains("stdin:1: rejected (not JSON").contains("stdin:2: rejected (needs at least")
        .contains("2 rejected");
  }
}
