package io.logpipe.multiline.format;

/**
 * One line as the container runtime wrote it, with the runtime's prefix taken off.
 *
 * @param stream       {@code stdout} or {@code stderr}; empty for plain lines
 * @param timeText     the runtime's timestamp exactly as written, null for plain lines
 * @param timeUnixNano the same instant in nanoseconds since the epoch ({@link #NO_TIME} for plain lines)
 * @param partial      true when the runtime split the line and more pieces follow (CRI {@code P}, docker log
 *                     without its trailing newline)
 * @param content      the text after the prefix, without the line terminator
 * @param contentBytes the UTF-8 length of {@code content}, known from the input so limits cost nothing
 */
public record RuntimeLine(String stream, String timeText, long timeUnixNano, boolean partial, String content,
                          int contentBytes) {

  /** Marks a line that carried no timestamp (plain format). */
  public static final long NO_TIME = Long.MIN_VALUE;

  public static final String STDOUT = "stdout";
  public static final String STDERR = "stderr";

  /** The interned stream name for the bytes {@code [from, to)}, or null if neither stdout nor stderr. */
  static String streamName(byte[] b, int from, int to) {
    if (to - from != 6 || b[from] != 's' || b[from + 1] != 't' || b[from + 2] != 'd') {
      return null;
    }
    if (b[from + 3] == 'o' && b[from + 4] == 'u' && b[from + 5] == 't') {
      return STDOUT;
    }
    if (b[from + 3] == 'e' && b[from + 4] == 'r' && b[from + 5] == 'r') {
      return STDERR;
    }
    return null;
  }
}
