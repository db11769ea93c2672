package io.logpipe.enricher.body;

import java.util.Locale;
import java.util.Optional;

/**
 * W3C Trace Context identifiers (https://www.w3.org/TR/trace-context/#traceparent-header): a trace id is 32 hex
 * digits and a span (parent) id 16, neither all zeros. Upper-case digits are accepted and lower-cased, as the OTel
 * SDKs do when they read ids from logs.
 */
public final class TraceIds {

  /** A trace and span id taken from one {@code traceparent} value. */
  public record TraceContext(String traceId, String spanId) {}

  public static Optional<String> traceId(String text) {
    return hexId(text, 32);
  }

  public static Optional<String> spanId(String text) {
    return hexId(text, 16);
  }

  /** Reads {@code version-traceid-parentid-flags}, e.g. {@code 00-4bf9…4736-00f0…02b7-01}. Version ff is invalid. */
  public static Optional<TraceContext> traceparent(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.strip().split("-", -1);
    if (parts.length < 4 || parts[0].length() != 2 || parts[3].length() != 2
        || !isHex(parts[0]) || !isHex(parts[3]) || parts[0].equalsIgnoreCase("ff")
        || (parts[0].equals("00") && parts.length != 4)) {
      return Optional.empty();
    }
    Optional<String> trace = traceId(parts[1]);
    Optional<String> span = spanId(parts[2]);
    if (trace.isEmpty() || span.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TraceContext(trace.get(), span.get()));
  }

  private static Optional<String> hexId(String text, int length) {
    if (text == null || text.length() != length || !isHex(text) || isAllZeros(text)) {
      return Optional.empty();
    }
    return Optional.of(text.toLowerCase(Locale.ROOT));
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static boolean isAllZeros(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  private TraceIds() {}
}
