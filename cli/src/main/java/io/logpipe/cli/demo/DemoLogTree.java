package io.logpipe.cli.demo;

import io.logpipe.schemas.StreamKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a small, realistic {@code /var/log/pods} tree: several namespaces and workloads, CRI and docker json-file
 * containers, JSON and plain-text logs, stack traces (split into CRI partial lines where a runtime would split
 * them), both streams interleaved, and personal data a redactor must catch. Deterministic for a seed.
 *
 * <p>It returns what a correct pipeline must deliver: one {@link ExpectedEvent} per event, in file order per stream.
 */
public final class DemoLogTree {

  /** One event the pipeline should deliver; {@code secrets} are substrings that must never reach a sink. */
  public record ExpectedEvent(StreamKey stream, String runtimeStream, String message, List<String> secrets) {}

  /** A container to generate: its key, its runtime format, and how many log calls it makes. */
  record Container(StreamKey key, boolean docker, int logCalls) {}

  private final Random random;
  private final Instant start;
  private final List<ExpectedEvent> expected = new ArrayList<>();
  private long tick;

  public DemoLogTree(long seed, Instant start) {
    this.random = new Random(seed);
    this.start = start;
  }

  /** The default demo: 6 containers in 3 namespaces, {@code callsPerContainer} log calls each. */
  public static List<ExpectedEvent> write(Path root, int callsPerContainer, long seed) {
    DemoLogTree tree = new DemoLogTree(seed, Instant.parse("2026-11-21T09:00:00.000000001Z"));
    for (Container c : defaultContainers(callsPerContainer)) {
      tree.writeContainer(root, c);
    }
    return List.copyOf(tree.expected);
  }

  static List<Container> defaultContainers(int calls) {
    return List.of(
        new Container(new StreamKey("shop", "checkout-7d9f6c5b4-x2k8q", "3f2b9c1e-0a4d-4e8b-9c1d-2e3f4a5b6c7d", "app"), false, calls),
        new Container(new StreamKey("shop", "checkout-7d9f6c5b4-x2k8q", "3f2b9c1e-0a4d-4e8b-9c1d-2e3f4a5b6c7d", "envoy"), false, calls),
        new Container(new StreamKey("shop", "payments-0", "8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d", "api"), false, calls),
        new Container(new StreamKey("data", "etl-29384756-qwert", "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", "worker"), false, calls),
        new Container(new StreamKey("data", "ingest-5f4d3c2b1-abcde", "c0ffee00-1234-4abc-9def-0123456789ab", "main"), true, calls),
        new Container(new StreamKey("web", "frontend-6b5a4c3d2-zz9yx", "d00dfeed-5678-4def-8abc-9876543210fe", "nginx"), false, calls));
  }

  void writeContainer(Path root, Container c) {
    StreamKey k = c.key();
    Path dir = root.resolve(k.namespace() + "_" + k.pod() + "_" + k.podUid()).resolve(k.container());
    try {
      Files.createDirectories(dir);
      try (Writer out = Files.newBufferedWriter(dir.resolve("0.log"), StandardCharsets.UTF_8)) {
        LineWriter lines = c.docker() ? new DockerJsonWriter(out) : new CriWriter(out);
        for (int i = 0; i < c.logCalls(); i++) {
          logCall(k, lines, i);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write demo logs under " + dir, e);
    }
  }

  private void logCall(StreamKey key, LineWriter out, int i) throws IOException {
    int kind = random.nextInt(20);
    if (kind == 0) {
      event(key, out, "stderr", DemoMessages.javaTrace(random), List.of());
    } else if (kind == 1) {
      event(key, out, "stderr", DemoMessages.pythonTrace(random), List.of());
    } else if (kind == 2) {
      String email = DemoMessages.email(random);
      event(key, out, "stdout", DemoMessages.signupJson(i, email), List.of(email));
    } else if (kind == 3) {
      String card = DemoMessages.cardNumber(random);
      event(key, out, "stdout", "payment accepted order=" + (10_000 + i) + " card=" + card + " amount=42.10", List.of(card));
    } else if (kind == 4) {
      String password = "hunter" + random.nextInt(100_000);
      event(key, out, "stdout", "connecting to postgres://app:" + password + "@db.shop.svc:5432/orders",
          List.of(password));
    } else if (kind < 12) {
      event(key, out, "stdout", DemoMessages.requestJson(random, i), List.of());
    } else {
      event(key, out, random.nextInt(4) == 0 ? "stderr" : "stdout", DemoMessages.plain(random, i), List.of());
    }
  }

  private void event(StreamKey key, LineWriter out, String stream, String message, List<String> secrets)
      throws IOException {
    for (String line : message.split("\n", -1)) {
      out.write(nextTime(), stream, line);
    }
    expected.add(new ExpectedEvent(key, stream, message, secrets));
  }

  private Instant nextTime() {
    tick += 1 + random.nextInt(5_000_000);
    return start.plusNanos(tick);
  }
}
