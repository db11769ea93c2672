package io.logpipe.redactor.offline;

import io.logpipe.redactor.policy.Policy;
import io.logpipe.redactor.policy.Redaction;
import io.logpipe.redactor.policy.Redactor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offline redactor: each input line, redacted, as exactly one output line, in order. A line a
 * rule wants dropped is replaced by {@code [DROPPED:<rule>]} (drop_field) or
 * {@code [DROPPED-EVENT:<rule>]} (drop_event), so line numbers still match the input.
 */
public final class LineRedactor {
  private final Redactor redactor;
  private final Policy policy;
  private final Map<String, Long> counts = new TreeMap<>();
  private long lines;

  public LineRedactor(Redactor redactor, Policy policy) {
    this.redactor = redactor;
    this.policy = policy;
  }

  public void run(BufferedReader in, Writer out) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      out.write(redactLine(line));
      out.write('\n');
      lines++;
      if (!in.ready()) {
        out.flush(); // interactive use: answer each line as it comes
      }
    }
    out.flush();
  }

  String redactLine(String line) {
    Redaction r = redactor.redact(line, policy);
    r.counts().forEach((rule, n) -> counts.merge(rule, (long) n, Long::sum));
    return switch (r.outcome()) {
      case DROP_EVENT -> "[DROPPED-EVENT:" + r.dropRule() + "]";
      case DROP_FIELD -> "[DROPPED:" + r.dropRule() + "]";
      default -> r.text();
    };
  }

  /** Redactions per rule so far (counts only, never values). */
  public Map<String, Long> counts() {
    return Map.copyOf(counts);
  }

  public long lines() {
    return lines;
  }
}
