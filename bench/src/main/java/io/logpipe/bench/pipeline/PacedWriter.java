package io.logpipe.bench.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends CRI lines to live container log files at a fixed rate, as a container runtime does, each line stamped
 * with the wall-clock time it is written: the event's {@code timeUnixNano} is then the write time, and a sink-topic
 * reader gets the file-to-topic latency as now − event time. Lines go out in ticks of {@value #TICK_MILLIS} ms, one
 * {@code write} per file per tick (a runtime also writes whole lines), round robin over the files.
 */
final class PacedWriter implements AutoCloseable {

  static final int TICK_MILLIS = 5;
  private static final DateTimeFormatter CRI_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Lines written in all, and those stamped at or after the instant measuring starts from. */
  record Written(long lines, long measured) {}

  private final List<OutputStream> files = new ArrayList<>();
  private final Clock clock;

  /** Creates (empty) {@code root/bench_latency-i_uid-latency-i/app/0.log} for i &lt; {@code pods}. */
  PacedWriter(Path root, int pods, Clock clock) throws IOException {
    this.clock = clock;
    for (int p = 0; p < pods; p++) {
      Path file = root.resolve("bench_latency-" + p + "_uid-latency-" + p).resolve("app").resolve("0.log");
      Files.createDirectories(file.getParent());
      files.add(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }
  }

  /** Writes {@code perSecond} lines a second until {@code duration} has passed, counting those from {@code from}. */
  Written run(int perSecond, Duration duration, Instant from) throws IOException {
    long startNanos = System.nanoTime();
    long endNanos = startNanos + duration.toNanos();
    ByteArrayOutputStream[] ticks = new ByteArrayOutputStream[files.size()];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = new ByteArrayOutputStream(64 * 1024);
    }
    long written = 0;
    long measured = 0;
    for (long now = System.nanoTime(); now < endNanos; now = System.nanoTime()) {
      long due = (now - startNanos) * perSecond / 1_000_000_000L;
      Instant stamp = Instant.now(clock);
      String time = CRI_TIME.format(stamp);
      long before = written;
      for (; written < due; written++) {
        ticks[(int) (written % ticks.length)].writeBytes(line(time, written));
      }
      measured += stamp.isBefore(from) ? 0 : written - before;
      for (int i = 0; i < ticks.length; i++) {
        if (ticks[i].size() > 0) {
          ticks[i].writeTo(files.get(i));
          ticks[i].reset();
        }
      }
      LockSupport.parkNanos(Duration.ofMillis(TICK_MILLIS).toNanos());
    }
    return new Written(written, measured);
  }

  /** Half JSON bodies (the enricher parses them), half plain text; single lines, so one line is one event. */
  private static byte[] line(String time, long n) {
    String body = n % 2 == 0
        ? "{\"level\":\"INFO\",\"msg\":\"order served from cache\",\"request_id\":\"" + Long.toHexString(n * 7919)
            + "\",\"latency_ms\":" + (n % 500) + ",\"n\":" + n + "}"
        : "INFO [worker-" + (n % 16) + "] checkout session refreshed upstream token in " + (n % 300) + " ms n=" + n;
    return (time + " stdout F " + body + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    for (OutputStream out : files) {
      out.close();
    }
  }
}
