package io.logpipe.bench.shipper;

import io.logpipe.schemas.PodLogPath;
import io.logpipe.shipper.deliver.SliceRecords;
import io.logpipe.shipper.deliver.WireRecords;
import io.logpipe.shipper.discovery.LogFileFilter.Candidate;
import io.logpipe.shipper.tail.Committed;
import io.logpipe.shipper.tail.FileSlice;
import io.logpipe.shipper.tail.ShipProgress;
import io.logpipe.shipper.tail.SliceQueue;
import io.logpipe.shipper.tail.TailEvents;
import io.logpipe.shipper.tail.TailSettings;
import io.logpipe.shipper.tail.Tailer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The shipper's hot path without Kafka (issue 3; the team's rule: JMH for hot paths), lines per second: files of the
 * benchmark's log tree read into slices by the real {@link Tailer} ({@code read}), and the slices passed through the
 * real {@link SliceQueue} and their lines encoded into {@code logs.raw.v1} record values by the real
 * {@link WireRecords} ({@code readEncode}). The reference in the same
 * run is the benchmark's reference producer's own loop ({@code reference}: 1 MiB reads, a byte-by-byte newline scan,
 * one copy per line), so the ratio says what reading with identity, positions and the Avro record costs on top.
 * Forked with the agent's heap and collector ({@code ShipperBench.AGENT_JVM}): add {@code -prof gc} for bytes
 * allocated per line ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms16m", "-Xmx64m", "-XX:+UseSerialGC"})
public class ReadEncodeBench {

  /** Lines of the tree, about 40 MiB: more than the caches, little enough for the page cache. */
  static final int LINES = 200_000;
  private static final int PODS = 8;

  private Path root;
  private List<Candidate> candidates;
  private Tailer tailer;
  private final SliceQueue queue = new SliceQueue(1 << 20); // SHIPPER_QUEUE_BYTES' default
  private final SliceRecords records = new WireRecords("bench-node");

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    root = Files.createTempDirectory("read-encode-bench");
    BenchLogTree.Written written = BenchLogTree.generate(root, LINES, PODS, 7);
    if (written.lines() != LINES) {
      throw new IllegalStateException("the tree holds " + written.lines() + " lines, not " + LINES);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      candidates = walk.filter(p -> p.toString().endsWith(".log")).sorted()
          .map(p -> new Candidate(p, PodLogPath.parse(root.relativize(p).toString()).orElseThrow())).toList();
    }
    // The shipper's defaults: 1 MiB maximum line, 256 KiB read per file per pass (SHIPPER_READ_CAP_BYTES).
    tailer = new Tailer(onDirectory -> candidates, new TailSettings(1 << 20, 256 << 10, Duration.ofSeconds(5)),
        Clock.systemUTC(), TailEvents.NONE, new ShipProgress());
    queue.recycleInto(tailer.readBuffers());
    long[] lines = {0};
    readAll(slice -> lines[0] += slice.lineCount());
    if (lines[0] != LINES) {
      throw new IllegalStateException("the tailer read " + lines[0] + " lines, not " + LINES);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    tailer.close();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Every file read from 0 into slices, as the reader thread does (positions, tail hashes, fairness), through the
   * shipper's queue (which gives each slice's array back to the reader at the next drain).
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void read(Blackhole bh) throws Exception {
    readAll(slice -> {
      queue.offer(slice, Duration.ZERO);
      bh.consume(queue.drain(Long.MAX_VALUE, Duration.ZERO));
    });
  }

  /**
   * The same through the shipper's queue, and every line encoded into its record value, as the delivery thread does
   * before the producer.
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void readEncode(Blackhole bh) throws Exception {
    SliceRecords.Out out = (topic, key, value) -> bh.consume(value);
    readAll(slice -> {
      queue.offer(slice, Duration.ZERO);
      for (FileSlice sent : queue.drain(Long.MAX_VALUE, Duration.ZERO)) {
        records.lines(sent, out);
      }
    });
  }

  /** The reference producer's loop without its producer: 1 MiB reads, each complete line copied once. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void reference(Blackhole bh) throws IOException {
    for (Candidate c : candidates) {
      try (InputStream in = Files.newInputStream(c.path())) {
        ReferenceProducer.eachLine(in, bh::consume);
      }
    }
  }

  private void readAll(Tailer.SliceSink sink) throws IOException, InterruptedException {
    tailer.resetTo(Committed.NOTHING); // every followed file back to 0
    tailer.rescanIfWanted(directory -> { }, sink);
    while (tailer.pass(sink) > 0) {
      // one slice per file per pass, until every file is read to its end
    }
  }
}
