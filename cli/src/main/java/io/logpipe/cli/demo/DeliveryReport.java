package io.logpipe.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logpipe.schemas.StreamKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * What reached the S3-layout output, checked against what the demo wrote: per container stream and runtime stream,
 * the same number of events in the same order, each message whole (or with its secrets redacted), and no secret
 * anywhere in the output.
 */
public record DeliveryReport(int objects, List<JsonNode> events, Map<String, Integer> byNamespace,
    List<String> problems) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PROBLEMS = 20;

  /** Reads every {@code .ndjson.gz} object under {@code dir}, in key order, and compares with {@code expected}. */
  public static DeliveryReport read(Path dir, List<DemoLogTree.ExpectedEvent> expected) throws IOException {
    List<Path> objects;
    try (Stream<Path> files = Files.walk(dir)) {
      objects = files.filter(p -> p.toString().endsWith(".ndjson.gz")).sorted(DeliveryReport::byFirstOffset).toList();
    }
    List<JsonNode> events = new ArrayList<>();
    for (Path object : objects) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          new GZIPInputStream(Files.newInputStream(object)), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          events.add(JSON.readTree(line));
        }
      }
    }
    Map<String, Integer> byNamespace = new TreeMap<>();
    events.forEach(e -> byNamespace.merge(e.path("kubernetes").path("namespace").asText("?"), 1, Integer::sum));
    return new DeliveryReport(objects.size(), events, byNamespace, compare(events, expected));
  }

  /** Objects of one partition in offset order: keys end in {@code <topic>+<partition>+<first offset>.ndjson.gz}. */
  private static int byFirstOffset(Path a, Path b) {
    String[] x = a.getFileName().toString().split("\\+");
    String[] y = b.getFileName().toString().split("\\+");
    int c = (x[0] + x[1]).compareTo(y[0] + y[1]);
    return c != 0 ? c : Long.compare(Long.parseLong(x[2].replace(".ndjson.gz", "")),
        Long.parseLong(y[2].replace(".ndjson.gz", "")));
  }

  static List<String> compare(List<JsonNode> delivered, List<DemoLogTree.ExpectedEvent> expected) {
    Map<String, List<DemoLogTree.ExpectedEvent>> want = new LinkedHashMap<>();
    List<String> secrets = new ArrayList<>();
    for (DemoLogTree.ExpectedEvent e : expected) {
      want.computeIfAbsent(e.stream() + " " + e.runtimeStream(), k -> new ArrayList<>()).add(e);
      secrets.addAll(e.secrets());
    }
    Map<String, List<JsonNode>> got = new LinkedHashMap<>();
    for (JsonNode e : delivered) {
      JsonNode k = e.path("kubernetes");
      StreamKey key = new StreamKey(k.path("namespace").asText("-"), k.path("pod").asText("-"),
          k.path("pod_uid").asText("-"), k.path("container").asText("-"));
      got.computeIfAbsent(key + " " + e.path("stream").asText(), x -> new ArrayList<>()).add(e);
    }
    List<String> problems = new ArrayList<>();
    for (var stream : want.entrySet()) {
      List<JsonNode> arrived = got.getOrDefault(stream.getKey(), List.of());
      List<DemoLogTree.ExpectedEvent> wanted = stream.getValue();
      if (arrived.size() != wanted.size()) {
        problems.add(stream.getKey() + ": " + arrived.size() + " events delivered, " + wanted.size() + " expected");
        continue;
      }
      for (int i = 0; i < wanted.size(); i++) {
        String message = arrived.get(i).path("message").asText();
        DemoLogTree.ExpectedEvent w = wanted.get(i);
        boolean same = w.secrets().isEmpty() ? message.equals(w.message()) : sameApartFromSecrets(message, w);
        if (!same) {
          problems.add(stream.getKey() + " event " + i + ": delivered '" + abbreviate(message) + "', expected '"
              + abbreviate(w.message()) + "'");
          break;
        }
      }
    }
    got.keySet().stream().filter(k -> !want.containsKey(k)).forEach(k -> problems.add(k + ": unexpected stream"));
    for (JsonNode e : delivered) {
      String text = e.toString();
      secrets.stream().filter(text::contains).findFirst()
          .ifPresent(s -> problems.add("a secret reached the sink in " + e.path("source").path("path").asText()));
    }
    return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
  }

  /** The message with each secret cut out matches the expectation with each secret cut out, around the cuts. */
  private static boolean sameApartFromSecrets(String message, DemoLogTree.ExpectedEvent w) {
    String first = w.secrets().get(0);
    int at = w.message().indexOf(first);
    return !message.contains(first) && message.startsWith(w.message().substring(0, at))
        && message.endsWith(w.message().substring(at + first.length()));
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  public int delivered() {
    return events.size();
  }

  public boolean complete() {
    return problems.isEmpty();
  }

  /** A few lines for people: objects, counts per namespace, a sample, and any problem found. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("logpipe demo: %d objects; events per namespace: %s%n", objects, byNamespace));
    events.stream().filter(e -> e.path("message").asText().contains("\n")).findFirst()
        .ifPresent(e -> b.append("logpipe demo: a reassembled stack trace, as delivered:\n").append(e.toPrettyString())
            .append('\n'));
    problems.forEach(p -> b.append("logpipe demo: PROBLEM: ").append(p).append('\n'));
    return b.toString();
  }
}
