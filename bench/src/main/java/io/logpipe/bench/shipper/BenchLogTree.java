package io.logpipe.bench.shipper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * A realistic pod-log tree for the shipper benchmark (issue 3, "Benchmark"): CRI lines of about 200 bytes on
 * average across many containers, JSON and plain text, Java stack traces, and a few 16 KiB partial lines (the
 * runtime's {@code P} pieces). Deterministic for a seed, so the shipper and the reference read the same bytes.
 */
public final class BenchLogTree {

  private static final DateTimeFormatter CRI_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
  private static final String[] WORDS = ("request served user order payment cache miss hit upstream latency "
      + "retry timeout connection pool session checkout cart inventory shipment token refresh").split(" ");

  /** What was written: lines (as a reader splitting on newlines sees them) and bytes. */
  public record Written(long lines, long bytes, int files) {}

  private BenchLogTree() {}

  public static Written generate(Path root, long totalLines, int pods, long seed) throws IOException {
    Random random = new Random(seed);
    long perContainer = totalLines / pods;
    long lines = 0;
    long bytes = 0;
    for (int p = 0; p < pods; p++) {
      Path file = root.resolve("bench_app-" + p + "_uid-" + p).resolve("app").resolve("0.log");
      Files.createDirectories(file.getParent());
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
        Instant time = Instant.parse("2024-05-01T10:00:00Z");
        for (long n = 0; n < perContainer; n++) {
          time = time.plusNanos(1_000 + random.nextInt(1_000_000));
          byte[] line = line(random, CRI_TIME.format(time), n).getBytes(StandardCharsets.UTF_8);
          out.write(line);
          out.write('\n');
          bytes += line.length + 1;
          lines++;
        }
      }
    }
    return new Written(lines, bytes, pods);
  }

  private static String line(Random random, String time, long n) {
    int kind = random.nextInt(1000);
    if (kind == 0) {
      // A 16 KiB piece of a longer line, as containerd splits it.
      return time + " stdout P " + "x".repeat(16 * 1024);
    }
    if (kind < 30) {
      return time + " stderr F \tat com.example.shop." + WORDS[random.nextInt(WORDS.length)] + ".Service.handle"
          + "(Service.java:" + random.nextInt(500) + ")";
    }
    if (kind < 500) {
      return time + " stdout F {\"level\":\"" + LEVELS[random.nextInt(LEVELS.length)] + "\",\"ts\":\"" + time
          + "\",\"msg\":\"" + words(random, 6) + "\",\"request_id\":\"" + Long.toHexString(random.nextLong())
          + "\",\"latency_ms\":" + random.nextInt(2000) + ",\"n\":" + n + "}";
    }
    return time + " stdout F " + LEVELS[random.nextInt(LEVELS.length)] + " [worker-" + random.nextInt(16) + "] "
        + words(random, 12 + random.nextInt(10)) + " n=" + n;
  }

  private static String words(Random random, int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.toString();
  }
}
