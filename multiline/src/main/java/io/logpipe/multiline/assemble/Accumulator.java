package io.logpipe.multiline.assemble;

/**
 * Text being built from pieces, with the coordinates of its first and last piece: used both for the pieces of one
 * partial line (joined with nothing) and for the lines of one event (joined with {@code \n}). Mutable, owned by one
 * {@link StreamAssembler}.
 */
final class Accumulator {

  final String stream;
  final String timeText;
  final long timeUnixNano;
  final Origin origin;
  final long firstOffset;
  final StringBuilder text;
  int bytes;
  int count;
  long lastOffset;
  int physicalLines;
  int flags;

  Accumulator(String stream, String timeText, long timeUnixNano, Origin origin, long firstOffset, String text,
              int bytes, int count, long lastOffset, int physicalLines, int flags) {
    this.stream = stream;
    this.timeText = timeText;
    this.timeUnixNano = timeUnixNano;
    this.origin = origin;
    this.firstOffset = firstOffset;
    this.text = new StringBuilder(Math.max(16, text.length() + 64)).append(text);
    this.bytes = bytes;
    this.count = count;
    this.lastOffset = lastOffset;
    this.physicalLines = physicalLines;
    this.flags = flags;
  }

  static Accumulator of(LogicalLine l) {
    return new Accumulator(l.stream(), l.timeText(), l.timeUnixNano(), l.origin(), l.firstOffset(), l.text(),
        l.bytes(), 1, l.lastOffset(), l.physicalLines(), l.flags());
  }

  /** Appends text; {@code separator} is "" for partial pieces, "\n" between lines. */
  void append(String separator, String more, int moreBytes) {
    text.append(separator).append(more);
    bytes += separator.length() + moreBytes;
    count++;
  }

  /** Records that a piece or line was consumed without its text (beyond a limit). */
  void covers(long offset, int lines, int extraFlags) {
    lastOffset = Math.max(lastOffset, offset);
    physicalLines += lines;
    flags |= extraFlags;
  }

  /** Cuts the text down to at most {@code maxBytes} UTF-8 bytes, flagging it if anything was cut. */
  void truncateTo(int maxBytes) {
    if (bytes <= maxBytes) {
      return;
    }
    // Walk back from a char count that cannot exceed the byte budget, without splitting a surrogate pair.
    int keep = Math.min(text.length(), maxBytes);
    while (keep > 0 && io.logpipe.multiline.format.Utf8.length(text.subSequence(0, keep)) > maxBytes) {
      keep -= Math.max(1, (io.logpipe.multiline.format.Utf8.length(text.subSequence(0, keep)) - maxBytes) / 3);
    }
    if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    text.setLength(keep);
    bytes = io.logpipe.multiline.format.Utf8.length(text);
    flags |= Flags.TRUNCATED;
  }

  LogicalLine toLine() {
    return new LogicalLine(stream, timeText, timeUnixNano, text.toString(), bytes, origin, firstOffset, lastOffset,
        physicalLines, flags);
  }

  AssembledEvent toEvent() {
    return new AssembledEvent(stream, timeText, timeUnixNano, text.toString(), origin, firstOffset, lastOffset,
        physicalLines, Flags.names(flags));
  }
}
