package io.logpipe.acceptance;

import io.logpipe.schemas.StreamKey;
import java.util.List;

/**
 * One event a correct pipeline delivers: its id (a token written into the message, {@code k03x0042}), container
 * stream, runtime stream, the message as the application printed it, the secrets in it, and how many file lines
 * (CRI or docker pieces) it was written as.
 */
record ExpectedEvent(String id, StreamKey key, String runtimeStream, String message, List<Secret> secrets,
    int pieces) {

  /** A value that must never reach a backend, and the redactor rule that masks exactly it. */
  record Secret(String value, String rule) {}

  /** The message as a backend must hold it: every secret replaced by the redactor's mask, nothing else changed. */
  String redactedMessage() {
    String m = message;
    for (Secret s : secrets) {
      m = m.replace(s.value(), "[REDACTED:" + s.rule() + "]");
    }
    return m;
  }

  /** Routed to Loki and OpenSearch whatever its namespace (the router's {@code errors} rule, on the message). */
  boolean errorJson() {
    return message.contains(Pipeline.ERROR_MARK);
  }

  /** Per container and runtime stream: the unit whose order the pipeline keeps. */
  String orderKey() {
    return key + " " + runtimeStream;
  }
}
