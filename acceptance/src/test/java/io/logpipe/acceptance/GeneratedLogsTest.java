package io.logpipe.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logpipe.cli.Logpipe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run's input, checked offline before it is trusted as the truth: each container's whole log, read
 * by {@code bin/logpipe parse} (the multiline stage's logic, no Kafka), gives exactly the events the generator says
 * it wrote, per runtime stream, with the number of file lines of each. So a failing acceptance run is about the
 * pipeline, not about traces the detectors were never meant to group.
 */
class GeneratedLogsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everyContainerLogParsesOfflineIntoExactlyTheEventsItWasGeneratedWith() throws Exception {
    Map<String, String> uids = new HashMap<>();
    Workloads.pods().forEach(p -> uids.put(p.name(), "uid-" + p.name()));
    PodLogTree tree = PodLogTree.generate(dir, Workloads.pods(), uids, AcceptanceRun.CALLS_PER_CONTAINER,
        AcceptanceRun.SEED);
    tree.writeAll(1.0);
    assertThat(tree.linesWritten()).isEqualTo(tree.totalLines());

    for (ContainerLog log : tree.logs()) {
      Path file = tree.file(log.key);
      List<Path> files = new ArrayList<>();
      Path rotated = file.resolveSibling("0.log.20261121-090000");
      if (Files.exists(rotated)) {
        // One container stream across a rotation: the rotated file, then the live one, as one input.
        Path joined = file.resolveSibling("joined.log");
        Files.write(joined, Files.readAllBytes(rotated));
        Files.write(joined, Files.readAllBytes(file), java.nio.file.StandardOpenOption.APPEND);
        files.add(joined);
      } else {
        files.add(file);
      }
      Map<String, List<String>> parsed = new LinkedHashMap<>();
      Map<String, List<Integer>> lineCounts = new LinkedHashMap<>();
      for (JsonNode event : parse(files.get(0))) {
        String stream = event.path("stream").asText();
        parsed.computeIfAbsent(stream, s -> new ArrayList<>()).add(event.path("message").asText());
        lineCounts.computeIfAbsent(stream, s -> new ArrayList<>()).add(event.path("source").path("lineCount").asInt());
      }
      Map<String, List<ExpectedEvent>> expected = log.events.stream()
          .collect(Collectors.groupingBy(ExpectedEvent::runtimeStream, LinkedHashMap::new, Collectors.toList()));
      expected.forEach((stream, events) -> {
        assertThat(parsed.get(stream)).as(log.key + " " + stream)
            .containsExactlyElementsOf(events.stream().map(ExpectedEvent::message).toList());
        assertThat(lineCounts.get(stream)).as(log.key + " " + stream + " line counts")
            .containsExactlyElementsOf(events.stream().map(ExpectedEvent::pieces).toList());
      });
      assertThat(parsed.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
  }

  @Test
  void theInputHasWhatTheIssueAsksFor() {
    Map<String, String> uids = new HashMap<>();
    Workloads.pods().forEach(p -> uids.put(p.name(), "uid-" + p.name()));
    PodLogTree tree = PodLogTree.generate(dir, Workloads.pods(), uids, AcceptanceRun.CALLS_PER_CONTAINER,
        AcceptanceRun.SEED);
    List<ExpectedEvent> events = tree.expected();
    assertThat(events).extracting(e -> e.key().namespace()).isSubsetOf(Workloads.NAMESPACES)
        .containsAll(Workloads.NAMESPACES);
    assertThat(events).extracting(ExpectedEvent::id).doesNotHaveDuplicates();
    assertThat(events).filteredOn(e -> e.message().contains("\n")).hasSizeGreaterThan(100);
    assertThat(events).filteredOn(e -> !e.message().contains("\n") && e.pieces() > 1).hasSizeGreaterThan(500);
    assertThat(events).filteredOn(e -> e.message().contains("\n") && e.pieces() > e.message().split("\n").length)
        .as("traces with a line cut into partial pieces").isNotEmpty();
    assertThat(events).flatExtracting(ExpectedEvent::secrets).extracting(ExpectedEvent.Secret::rule)
        .contains("email", "pan", "url_credentials", "password", "bearer_token", "aws_access_key", "jwt", "iban",
            "api_key");
    assertThat(events).extracting(ExpectedEvent::runtimeStream).contains("stdout", "stderr");
  }

  private static List<JsonNode> parse(Path file) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Logpipe.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute("parse", file.toString());
    assertThat(code).as("parse " + file + ": " + err).isZero();
    assertThat(err.toString()).as("lines parse rejected").doesNotContain("rejected");
    List<JsonNode> events = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        events.add(JSON.readTree(line));
      }
    }
    return events;
  }
}
