package io.logpipe.shipper.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one container's log the way the container runtime and the kubelet do: CRI lines appended to
 * {@code <ns>_<pod>_<uid>/<container>/0.log}, rename rotation to {@code 0.log.<n>}. Each line carries the stream's
 * sequence number, so a test can check that every line arrived exactly once and in order.
 */
final class PodLogs {

  final Path file;
  final String streamKey;
  private final String name;
  private int next;
  private int rotations;

  PodLogs(Path root, String namespace, String pod, String container) throws IOException {
    String uid = "uid-" + pod;
    this.file = root.resolve(namespace + "_" + pod + "_" + uid).resolve(container).resolve("0.log");
    this.streamKey = namespace + "/" + pod + "/" + uid + "/" + container;
    this.name = pod + "/" + container;
    Files.createDirectories(file.getParent());
  }

  /** The text of line {@code seq} of this stream (without the newline). */
  String line(int seq) {
    return "2024-05-01T10:00:00." + String.format("%09d", seq) + "Z stdout F " + name + " seq=" + seq
        + " some payload text to make the line about as long as a real one";
  }

  /** Appends {@code count} lines in one write. */
  void append(int count) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(line(next++)).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** The kubelet's rotation: rename the live file away; the next append creates a new one. */
  Path rotate() throws IOException {
    Path rotated = file.resolveSibling("0.log." + String.format("20240501-%06d", ++rotations));
    Files.move(file, rotated);
    return rotated;
  }

  int written() {
    return next;
  }
}
