package io.logpipe.acceptance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logpipe.acceptance.Messages.Message;
import io.logpipe.acceptance.Workloads.ContainerSpec;
import io.logpipe.acceptance.Workloads.Format;
import io.logpipe.acceptance.Workloads.Language;
import io.logpipe.schemas.StreamKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Everything one container prints, as its runtime writes it to {@code <ns>_<pod>_<uid>/<container>/0.log}: CRI
 * ({@code <RFC3339Nano> <stream> <P|F> <content>}) or docker json-file ({@code {"log","stream","time"}}, a piece
 * without the trailing newline being partial); lines longer than {@link #PIECE} characters are cut into partial
 * pieces, as containerd does at its buffer size (smaller here, so most JSON lines and some trace lines are cut).
 *
 * <p>The lines come in {@link Block}s: each block holds whole events (a stdout event may sit in the middle of a
 * stderr trace, as when two threads write at once), so a writer that pauses only between blocks never leaves an
 * event half written for longer than the multiline stage's quiet time.
 */
final class ContainerLog {

  static final int PIECE = 100;
  /** Ids of the events printed in the middle of a trace: the trace's call number plus this. */
  private static final int INTERLEAVED = 5000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ISO_INSTANT;

  /** File lines (without the newline) of one or more whole events. */
  record Block(List<String> lines) {}

  final StreamKey key;
  final ContainerSpec spec;
  final List<Block> blocks = new ArrayList<>();
  final List<ExpectedEvent> events = new ArrayList<>();
  private final Random random;
  private final Messages messages;
  private final String idPrefix;
  private Instant time;

  private ContainerLog(StreamKey key, ContainerSpec spec, int index, long seed, Instant start) {
    this.key = key;
    this.spec = spec;
    this.random = new Random(seed * 31 + index);
    this.messages = new Messages(random);
    this.idPrefix = String.format("k%02dx", index);
    this.time = start;
  }

  /** {@code calls} log calls of the container {@code index} (its ids are {@code k<index>x<n>}). */
  static ContainerLog generate(StreamKey key, ContainerSpec spec, int index, int calls, long seed) {
    ContainerLog log = new ContainerLog(key, spec, index, seed, Instant.parse("2026-11-21T09:00:00.000000001Z"));
    for (int i = 0; i < calls; i++) {
      log.logCall(i);
    }
    return log;
  }

  int lineCount() {
    return blocks.stream().mapToInt(b -> b.lines().size()).sum();
  }

  private String id(int call) {
    return idPrefix + String.format("%04d", call);
  }

  private void logCall(int call) {
    int kind = random.nextInt(20);
    if (kind < 2) {
      Message trace = spec.language() == Language.NONE ? messages.plain(id(call)) : messages.trace(id(call),
          spec.language());
      if (random.nextInt(3) == 0 && trace.text().contains("\n")) {
        // Another thread logs on stdout while the trace is being printed on stderr.
        interleaved(trace, messages.request(id(call + INTERLEAVED), false));
      } else {
        block(trace);
      }
    } else if (kind < 5) {
      block(messages.personal(id(call), random.nextInt(9)));
    } else if (kind == 5) {
      block(messages.request(id(call), true));
    } else if (kind < 12) {
      block(messages.request(id(call), false));
    } else {
      block(messages.plain(id(call)));
    }
  }

  private void block(Message m) {
    List<String> lines = new ArrayList<>();
    events.add(write(m, m.text().split("\n", -1), lines));
    blocks.add(new Block(lines));
  }

  private void interleaved(Message trace, Message other) {
    String[] traceLines = trace.text().split("\n", -1);
    int cut = traceLines.length / 2;
    List<String> lines = new ArrayList<>();
    List<String> firstHalf = new ArrayList<>();
    List<String> secondHalf = new ArrayList<>();
    int firstPieces = pieces(trace, Arrays.copyOfRange(traceLines, 0, cut), firstHalf);
    ExpectedEvent middle = write(other, other.text().split("\n", -1), secondHalf);
    List<String> rest = new ArrayList<>();
    int restPieces = pieces(trace, Arrays.copyOfRange(traceLines, cut, traceLines.length), rest);
    lines.addAll(firstHalf);
    lines.addAll(secondHalf);
    lines.addAll(rest);
    events.add(new ExpectedEvent(id(trace), key, trace.stream(), trace.text(), trace.secrets(),
        firstPieces + restPieces));
    events.add(middle);
    blocks.add(new Block(lines));
  }

  private ExpectedEvent write(Message m, String[] textLines, List<String> out) {
    int pieces = pieces(m, textLines, out);
    return new ExpectedEvent(id(m), key, m.stream(), m.text(), m.secrets(), pieces);
  }

  /** The id written into the message: {@code ev=<id>} or {@code "ev":"<id>"}. */
  private static String id(Message m) {
    Matcher found = Delivered.ID.matcher(m.text());
    if (!found.find()) {
      throw new IllegalStateException("message without an id: " + m.text());
    }
    return found.group();
  }

  /** Writes each text line as the runtime would (cut into pieces); returns the file lines written. */
  private int pieces(Message m, String[] textLines, List<String> out) {
    int before = out.size();
    for (String line : textLines) {
      time = time.plusNanos(1 + random.nextInt(5_000_000));
      String ts = RFC3339_NANO.format(time);
      int from = 0;
      do {
        int to = Math.min(line.length(), from + PIECE);
        boolean last = to == line.length();
        out.add(format(ts, m.stream(), line.substring(from, to), last));
        from = to;
      } while (from < line.length());
    }
    return out.size() - before;
  }

  private String format(String ts, String stream, String piece, boolean last) {
    if (spec.format() == Format.CRI) {
      return ts + ' ' + stream + (last ? " F " : " P ") + piece;
    }
    try {
      return "{\"log\":" + JSON.writeValueAsString(last ? piece + "\n" : piece) + ",\"stream\":\"" + stream
          + "\",\"time\":\"" + ts + "\"}";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
