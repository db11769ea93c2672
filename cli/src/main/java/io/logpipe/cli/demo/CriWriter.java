package io.logpipe.cli.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes lines as containerd and CRI-O do: {@code <RFC3339Nano> <stream> <P|F> <content>}. Like containerd, a line
 * longer than the runtime's buffer is cut into {@code P} pieces ended by an {@code F} piece; we cut at
 * {@link #MAX_PIECE} characters (small, so the demo exercises partial-line joining).
 */
final class CriWriter implements LineWriter {

  static final int MAX_PIECE = 120;
  private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ISO_INSTANT;

  private final Writer out;

  CriWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(Instant time, String stream, String line) throws IOException {
    String ts = RFC3339_NANO.format(time);
    int from = 0;
    while (line.length() - from > MAX_PIECE) {
      out.write(ts + ' ' + stream + " P " + line.substring(from, from + MAX_PIECE) + '\n');
      from += MAX_PIECE;
    }
    out.write(ts + ' ' + stream + " F " + line.substring(from) + '\n');
  }
}
