package io.logpipe.schemas;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kubelet container log path: {@code /var/log/pods/<namespace>_<pod>_<uid>/<container>/<restart>.log}, also in
 * its rotated form {@code <restart>.log.<timestamp>} (the kubelet's rename rotation) and with Windows separators.
 *
 * <p>Namespaces and pod names are DNS names and cannot contain {@code _}, so the first and the last underscore of
 * the pod directory split it unambiguously even though a UID could in principle hold one.
 */
public record PodLogPath(StreamKey stream, int restartCount, boolean rotated) {

  private static final Pattern POD_LOG = Pattern.compile(
      "(?:^|.*[/\\\\])([^/\\\\_]+)_([^/\\\\_]+)_([^/\\\\]+)[/\\\\]([^/\\\\]+)[/\\\\](\\d+)\\.log(\\.[^/\\\\]+)?$");

  /** Parses a path, or returns empty if it is not laid out like a kubelet pod log. */
  public static Optional<PodLogPath> parse(String path) {
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = POD_LOG.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    int restart;
    try {
      restart = Integer.parseInt(m.group(5));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
    StreamKey key = new StreamKey(m.group(1), m.group(2), m.group(3), m.group(4));
    return Optional.of(new PodLogPath(key, restart, m.group(6) != null));
  }
}
