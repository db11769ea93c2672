package io.logpipe.multiline.assemble;

import io.logpipe.multiline.detect.Detector;
import io.logpipe.multiline.format.LineFormat;
import io.logpipe.multiline.format.ParseResult;
import io.logpipe.multiline.format.RuntimeLine;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything pending for one container stream (one Kafka key): shipper chunks not yet joined, and per runtime
 * stream its partial line, open event and held lines. Plain Java: the Streams processor and the offline
 * {@code parse} tool drive the same code.
 */
public final class ContainerAssembler {

  private final LineFormat format;
  private final AssemblyLimits limits;
  private final AssemblyMetrics metrics;
  private final Supplier<Detector> detectors;
  final Map<String, StreamAssembler> streams = new LinkedHashMap<>(4);
  // Shipper chunks of one over-long line (RawLine.continued), joined before the runtime format is parsed because
  // only the first chunk carries the runtime prefix.
  byte[] chunks;
  int chunkLength;
  long chunkOffset;
  Origin chunkOrigin;
  int chunkCount;
  boolean chunkTruncated;

  public ContainerAssembler(LineFormat format, AssemblyLimits limits, Supplier<Detector> detectors,
                            AssemblyMetrics metrics) {
    this.format = format;
    this.limits = limits;
    this.detectors = detectors;
    this.metrics = metrics;
  }

  /**
   * Takes one raw line and emits the events it completes.
   *
   * @return null when the line was taken, else why it was rejected (the line then changes nothing pending)
   */
  public String accept(RawInput in, long nowMillis, Consumer<AssembledEvent> out) {
    if (in.continued() || chunks != null) {
      appendChunk(in);
      if (in.continued()) {
        return null;
      }
      return acceptJoinedChunks(in.readTimeMillis(), nowMillis, out);
    }
    return acceptWhole(in.line(), in.line().length, in.origin(), in.offset(), 1, 0, in.readTimeMillis(), nowMillis,
        out);
  }

  private String acceptJoinedChunks(long readTimeMillis, long nowMillis, Consumer<AssembledEvent> out) {
    byte[] bytes = chunks;
    chunks = null;
    return acceptWhole(bytes, chunkLength, chunkOrigin, chunkOffset, chunkCount,
        chunkTruncated ? Flags.TRUNCATED : 0, readTimeMillis, nowMillis, out);
  }

  private String acceptWhole(byte[] bytes, int length, Origin origin, long offset, int physicalLines, int flags,
                             long readTimeMillis, long nowMillis, Consumer<AssembledEvent> out) {
    ParseResult parsed = format.parse(bytes, length);
    if (parsed instanceof ParseResult.Rejected r) {
      metrics.rejected(r.reason());
      return r.reason();
    }
    RuntimeLine rl = ((ParseResult.Parsed) parsed).line();
    if (rl.timeUnixNano() == RuntimeLine.NO_TIME) {
      rl = new RuntimeLine(rl.stream(), null, readTimeMillis * 1_000_000L, rl.partial(), rl.content(),
          rl.contentBytes());
    }
    stream(rl.stream()).accept(rl, origin, offset, physicalLines, flags, nowMillis, out);
    return null;
  }

  private void appendChunk(RawInput in) {
    // A chunked line may be JSON with escapes, so it may exceed the event limit before parsing: allow twice that.
    int cap = limits.maxBytes() * 2 + 4096;
    if (chunks == null) {
      chunks = new byte[Math.min(cap, Math.max(in.line().length * 2, 1024))];
      chunkLength = 0;
      chunkOffset = in.offset();
      chunkOrigin = in.origin();
      chunkCount = 0;
      chunkTruncated = false;
    }
    int n = Math.min(in.line().length, cap - chunkLength);
    if (n < in.line().length) {
      chunkTruncated = true;
    }
    if (chunkLength + n > chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.min(cap, Math.max(chunks.length * 2, chunkLength + n)));
    }
    System.arraycopy(in.line(), 0, chunks, chunkLength, n);
    chunkLength += n;
    chunkCount++;
  }

  StreamAssembler stream(String name) {
    return streams.computeIfAbsent(name, k -> new StreamAssembler(detectors.get(), limits, metrics));
  }

  /** Emits what has waited {@code quietMillis} or more since its stream's last line; true if anything was. */
  public boolean flushIdle(long nowMillis, long quietMillis, Consumer<AssembledEvent> out) {
    boolean any = false;
    for (StreamAssembler s : streams.values()) {
      if (!s.isEmpty() && nowMillis - s.lastActivityMillis >= quietMillis) {
        metrics.quietFlush();
        s.flush(out);
        any = true;
      }
    }
    streams.values().removeIf(StreamAssembler::isEmpty);
    return any;
  }

  /** Emits everything pending (end of input). A dangling shipper chunk is parsed as if its line had ended. */
  public void flushAll(long nowMillis, Consumer<AssembledEvent> out) {
    if (chunks != null) {
      acceptJoinedChunks(nowMillis, nowMillis, out);
    }
    for (StreamAssembler s : streams.values()) {
      s.flush(out);
    }
    streams.clear();
  }

  /**
   * Restarts the quiet-time clock of every stream: used when state is read back after a restart, so that what was
   * pending when the old instance died is not flushed as "quiet" before the lines behind it in the backlog arrive.
   */
  public void resumedAt(long nowMillis) {
    for (StreamAssembler s : streams.values()) {
      s.lastActivityMillis = nowMillis;
    }
  }

  /** True when nothing is pending: the state store entry can be deleted. */
  public boolean isEmpty() {
    return chunks == null && streams.values().stream().allMatch(StreamAssembler::isEmpty);
  }
}
