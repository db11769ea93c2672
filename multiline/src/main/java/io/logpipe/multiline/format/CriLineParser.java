package io.logpipe.multiline.format;

import java.nio.charset.StandardCharsets;

/**
 * Parses the CRI log format the kubelet's runtimes write (containerd, CRI-O):
 * {@code <RFC3339Nano> <stdout|stderr> <tags> <content>}, where the first tag is {@code P} (partial: more pieces
 * follow) or {@code F} (full), further tags being separated by {@code :}. Exactly one space after the tags is the
 * separator; everything after it, leading and trailing spaces included, is content (as containerd writes it and
 * Filebeat reads it). A line ending right after the tag has empty content.
 *
 * <p>Works on the raw bytes: one pass over the prefix, no regex, no copy except the content string.
 */
public final class CriLineParser {

  private CriLineParser() {
  }

  public static ParseResult parse(byte[] b, int length) {
    int s1 = indexOf(b, 0, length, (byte) ' ');
    if (s1 <= 0) {
      return ParseResult.rejected("cri_no_timestamp");
    }
    long nanos = Rfc3339.parseNanos(b, 0, s1);
    if (nanos == Rfc3339.INVALID) {
      return ParseResult.rejected("cri_bad_timestamp");
    }
    int s2 = indexOf(b, s1 + 1, length, (byte) ' ');
    if (s2 < 0) {
      return ParseResult.rejected("cri_no_tag");
    }
    String stream = RuntimeLine.streamName(b, s1 + 1, s2);
    if (stream == null) {
      return ParseResult.rejected("cri_bad_stream");
    }
    int tagStart = s2 + 1;
    int tagEnd = indexOf(b, tagStart, length, (byte) ' ');
    if (tagEnd < 0) {
      tagEnd = length;
    }
    if (tagEnd == tagStart || (tagEnd - tagStart > 1 && b[tagStart + 1] != ':')) {
      return ParseResult.rejected("cri_bad_tag");
    }
    boolean partial;
    if (b[tagStart] == 'P') {
      partial = true;
    } else if (b[tagStart] == 'F') {
      partial = false;
    } else {
      return ParseResult.rejected("cri_bad_tag");
    }
    int contentStart = Math.min(tagEnd + 1, length);
    String content = new String(b, contentStart, length - contentStart, StandardCharsets.UTF_8);
    String timeText = new String(b, 0, s1, StandardCharsets.ISO_8859_1);
    return new ParseResult.Parsed(new RuntimeLine(stream, timeText, nanos, partial, content, length - contentStart));
  }

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
