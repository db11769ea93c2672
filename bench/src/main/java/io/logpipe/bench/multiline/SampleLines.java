package io.logpipe.bench.multiline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic mix of container log lines for the multiline benchmarks: mostly single-line application logs, some
 * JSON lines, Java and Python traces, and CRI partial lines, in CRI or docker json-file format.
 */
final class SampleLines {

  private SampleLines() {
  }

  static List<byte[]> cri(int count, long seed) {
    return generate(count, seed, false);
  }

  static List<byte[]> docker(int count, long seed) {
    return generate(count, seed, true);
  }

  private static List<byte[]> generate(int count, long seed, boolean docker) {
    Random random = new Random(seed);
    List<byte[]> out = new ArrayList<>(count + 64);
    long nanos = 1_700_000_000_000_000_000L;
    while (out.size() < count) {
      nanos += 1_000_000L + random.nextInt(1_000_000);
      int kind = random.nextInt(100);
      if (kind < 80) {
        add(out, docker, nanos, "stdout", false, "2024-01-01 12:00:00.123 INFO  [http-nio-8080-exec-" + random.nextInt(20)
            + "] c.e.shop.OrderController - order " + random.nextInt(1_000_000) + " placed in " + random.nextInt(500)
            + " ms");
      } else if (kind < 90) {
        add(out, docker, nanos, "stdout", false, "{\"level\":\"info\",\"ts\":\"2024-01-01T12:00:00Z\",\"msg\":\"request\","
            + "\"path\":\"/api/v1/items/" + random.nextInt(1000) + "\",\"status\":200,\"duration_ms\":" + random.nextInt(90)
            + "}");
      } else if (kind < 95) {
        add(out, docker, nanos, "stderr", false, "java.lang.IllegalStateException: order " + random.nextInt(1000)
            + " is in state SHIPPED");
        int frames = 10 + random.nextInt(30);
        for (int i = 0; i < frames; i++) {
          add(out, docker, nanos, "stderr", false, "\tat com.example.shop.service.OrderService.method" + i
              + "(OrderService.java:" + (100 + i) + ")");
        }
        add(out, docker, nanos, "stderr", false, "Caused by: java.sql.SQLException: connection reset");
        add(out, docker, nanos, "stderr", false, "\tat org.postgresql.Driver.connect(Driver.java:42)");
        add(out, docker, nanos, "stderr", false, "\t... 12 more");
      } else if (kind < 98) {
        add(out, docker, nanos, "stderr", false, "Traceback (most recent call last):");
        for (int i = 0; i < 5; i++) {
          add(out, docker, nanos, "stderr", false, "  File \"/app/worker.py\", line " + (10 * i + 3) + ", in step" + i);
          add(out, docker, nanos, "stderr", false, "    result = step" + (i + 1) + "(payload)");
        }
        add(out, docker, nanos, "stderr", false, "KeyError: 'customer_id'");
      } else {
        String big = "x".repeat(3000 + random.nextInt(20_000));
        int cut = 16_384;
        for (int from = 0; from < big.length(); from += cut) {
          boolean last = from + cut >= big.length();
          add(out, docker, nanos, "stdout", !last, big.substring(from, Math.min(big.length(), from + cut)));
        }
      }
    }
    return out;
  }

  private static void add(List<byte[]> out, boolean docker, long nanos, String stream, boolean partial, String text) {
    String time = java.time.Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L).toString();
    String line = docker
        ? "{\"log\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + (partial ? "" : "\\n")
            + "\",\"stream\":\"" + stream + "\",\"time\":\"" + time + "\"}"
        : time + " " + stream + (partial ? " P " : " F ") + text;
    out.add(line.getBytes(StandardCharsets.UTF_8));
  }
}
