package io.logpipe.multiline.assemble;

import io.logpipe.multiline.detect.Detector;
import io.logpipe.multiline.detect.Status;
import io.logpipe.multiline.format.RuntimeLine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Assembles the events of one runtime stream (stdout or stderr) of one container: joins partial pieces into lines,
 * then groups lines into events as the detector says, within the limits. Pieces of stdout and stderr never meet:
 * each has its own instance.
 */
final class StreamAssembler {

  /** Held lines (blank lines that only the next line can place) per stream, at most. */
  static final int MAX_HELD = 8;

  private final Detector detector;
  private final AssemblyLimits limits;
  private final AssemblyMetrics metrics;
  Accumulator partial;
  Accumulator open;
  final List<LogicalLine> tentative = new ArrayList<>(2);
  long lastActivityMillis;

  StreamAssembler(Detector detector, AssemblyLimits limits, AssemblyMetrics metrics) {
    this.detector = detector;
    this.limits = limits;
    this.metrics = metrics;
  }

  Detector detector() {
    return detector;
  }

  /** Takes one runtime line (a piece, or a whole line). */
  void accept(RuntimeLine rl, Origin origin, long offset, int physicalLines, int flags, long nowMillis,
              Consumer<AssembledEvent> out) {
    lastActivityMillis = nowMillis;
    if (partial == null && !rl.partial() && rl.contentBytes() <= limits.maxBytes()) {
      // The common case, a whole line: no copy of its text.
      acceptLine(new LogicalLine(rl.stream(), rl.timeText(), rl.timeUnixNano(), rl.content(), rl.contentBytes(),
          origin, offset, offset, physicalLines, flags), out);
      return;
    }
    if (partial != null) {
      // Once a piece was dropped, later ones are too: the message is a prefix of the line, never a line with a hole.
      if ((partial.flags & Flags.TRUNCATED) == 0 && partial.bytes + rl.contentBytes() <= limits.maxBytes()) {
        partial.append("", rl.content(), rl.contentBytes());
        partial.covers(offset, physicalLines, flags);
      } else {
        partial.covers(offset, physicalLines, flags | Flags.TRUNCATED);
      }
    } else {
      partial = new Accumulator(rl.stream(), rl.timeText(), rl.timeUnixNano(), origin, offset, rl.content(),
          rl.contentBytes(), 1, offset, physicalLines, flags);
      partial.truncateTo(limits.maxBytes());
    }
    if (rl.partial()) {
      return;
    }
    LogicalLine line = partial.toLine();
    partial = null;
    acceptLine(line, out);
  }

  private void acceptLine(LogicalLine line, Consumer<AssembledEvent> out) {
    if (looksLikeJsonObject(line.text())) {
      // A structured log line is complete by construction: never glued to anything, even if it quotes a trace.
      detector.reset();
      close(out);
      out.accept(single(line));
      return;
    }
    Status status = detector.update(line.text());
    switch (status) {
      case NO_TRACE -> {
        close(out);
        out.accept(single(line));
      }
      case START -> {
        close(out);
        open = Accumulator.of(line);
      }
      case TENTATIVE -> {
        if (open == null) {
          detector.reset();
          out.accept(single(line));
        } else if (tentative.size() >= MAX_HELD) {
          // A trace followed by a run of blank lines: the blanks are not part of it, and holding is bounded.
          detector.reset();
          close(out);
          out.accept(single(line));
        } else {
          tentative.add(line);
        }
      }
      case INSIDE, END -> {
        for (LogicalLine held : tentative) {
          append(held, out);
        }
        tentative.clear();
        append(line, out);
        if (status == Status.END) {
          close(out);
        }
      }
      default -> throw new IllegalStateException("unknown status " + status);
    }
  }

  private void append(LogicalLine line, Consumer<AssembledEvent> out) {
    if (open == null) {
      open = Accumulator.of(line);
      return;
    }
    boolean fits = open.count < limits.maxLines() && open.bytes + 1 + line.bytes() <= limits.maxBytes();
    if (fits) {
      open.append("\n", line.text(), line.bytes());
      open.covers(line.lastOffset(), line.physicalLines(), line.flags());
    } else if (limits.overflow() == OverflowAction.TRUNCATE) {
      if ((open.flags & Flags.TRUNCATED) == 0) {
        metrics.overflow(OverflowAction.TRUNCATE);
      }
      open.covers(line.lastOffset(), line.physicalLines(), line.flags() | Flags.TRUNCATED);
    } else {
      metrics.overflow(OverflowAction.SPLIT);
      open.flags |= Flags.SPLIT;
      out.accept(open.toEvent());
      open = Accumulator.of(line);
      open.flags |= Flags.SPLIT;
    }
  }

  /** Emits the open event, then any held lines as events of their own. */
  private void close(Consumer<AssembledEvent> out) {
    if (open != null) {
      out.accept(open.toEvent());
      open = null;
    }
    for (LogicalLine held : tentative) {
      out.accept(single(held));
    }
    tentative.clear();
  }

  /** A one-line event, without copying its text. */
  private static AssembledEvent single(LogicalLine l) {
    return new AssembledEvent(l.stream(), l.timeText(), l.timeUnixNano(), l.text(), l.origin(), l.firstOffset(),
        l.lastOffset(), l.physicalLines(), Flags.names(l.flags()));
  }

  /** Emits everything pending: a partial line as it is (flagged), then the open event. */
  void flush(Consumer<AssembledEvent> out) {
    if (partial != null) {
      LogicalLine line = partial.toLine();
      partial = null;
      acceptLine(new LogicalLine(line.stream(), line.timeText(), line.timeUnixNano(), line.text(), line.bytes(),
          line.origin(), line.firstOffset(), line.lastOffset(), line.physicalLines(), line.flags() | Flags.PARTIAL),
          out);
    }
    close(out);
    detector.reset();
  }

  boolean isEmpty() {
    return partial == null && open == null && tentative.isEmpty();
  }

  static boolean looksLikeJsonObject(String s) {
    int i = 0;
    int j = s.length() - 1;
    while (i <= j && s.charAt(i) == ' ') {
      i++;
    }
    while (j >= i && (s.charAt(j) == ' ' || s.charAt(j) == '\r')) {
      j--;
    }
    return j > i && s.charAt(i) == '{' && s.charAt(j) == '}';
  }
}
