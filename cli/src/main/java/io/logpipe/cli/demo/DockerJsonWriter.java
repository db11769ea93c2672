package io.logpipe.cli.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Writes lines as docker's json-file driver does: {@code {"log":"…\n","stream":"…","time":"…"}}. */
final class DockerJsonWriter implements LineWriter {

  private final Writer out;

  DockerJsonWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(Instant time, String stream, String line) throws IOException {
    out.write("{\"log\":\"" + escape(line) + "\\n\",\"stream\":\"" + stream + "\",\"time\":\""
        + DateTimeFormatter.ISO_INSTANT.format(time) + "\"}\n");
  }

  /** JSON string escaping, as docker's encoder does it for the characters our demo writes. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
