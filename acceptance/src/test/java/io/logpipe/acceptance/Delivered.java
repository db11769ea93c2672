package io.logpipe.acceptance;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event as a backend holds it: the id found in its message, the container and runtime stream it names, its
 * message, the metadata the backend shows (field name to value, names per backend), the file lines it says it was
 * made of (-1 where the backend does not keep it), and the whole stored text, in which no secret may appear.
 */
record Delivered(Optional<String> id, String orderKey, String message, Map<String, String> metadata, int lineCount,
    String storedText) {

  /** The id every generated message carries: {@code k<container>x<call>}. */
  static final Pattern ID = Pattern.compile("k\\d\\dx\\d{4}");

  static Optional<String> idIn(String message) {
    Matcher m = ID.matcher(message);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }
}
