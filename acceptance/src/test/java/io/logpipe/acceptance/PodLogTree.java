package io.logpipe.acceptance;

import io.logpipe.acceptance.Workloads.ContainerSpec;
import io.logpipe.acceptance.Workloads.PodSpec;
import io.logpipe.schemas.StreamKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code /var/log/pods} tree of the run, written as the kubelet and the runtimes do: lines appended to
 * {@code <ns>_<pod>_<uid>/<container>/0.log}; two containers rotated by rename to {@code 0.log.<timestamp>} in the
 * middle of an event (a partial line before the rename, its end after); the deleted pod's directory removed.
 * Appends happen in shares of every container's blocks, so the test can pace them against the shipper.
 */
final class PodLogTree {

  /** Containers rotated, by pod name, and at which share of their blocks. */
  private static final Map<String, Double> ROTATIONS = Map.of(
      "checkout-7d9f6c5b4-x2k8q", 0.55, "payments-api-6f5e4d3c2-m4n5b", 0.75);

  private final Path root;
  private final List<ContainerLog> logs = new ArrayList<>();
  private final List<PodSpec> podOf = new ArrayList<>();
  private final List<Integer> written = new ArrayList<>();
  private int linesWritten;

  private PodLogTree(Path root) {
    this.root = root;
  }

  /** Generates every container's log ({@code calls} log calls each); nothing is written yet. */
  static PodLogTree generate(Path root, List<PodSpec> pods, Map<String, String> uids, int calls, long seed) {
    PodLogTree tree = new PodLogTree(root);
    int index = 0;
    for (PodSpec pod : pods) {
      for (ContainerSpec container : pod.containers()) {
        StreamKey key = new StreamKey(pod.namespace(), pod.name(), uids.get(pod.name()), container.name());
        tree.logs.add(ContainerLog.generate(key, container, index++, calls, seed));
        tree.podOf.add(pod);
        tree.written.add(0);
      }
    }
    return tree;
  }

  List<ContainerLog> logs() {
    return logs;
  }

  PodSpec podOf(StreamKey key) {
    for (int i = 0; i < logs.size(); i++) {
      if (logs.get(i).key.equals(key)) {
        return podOf.get(i);
      }
    }
    throw new IllegalArgumentException("no container " + key);
  }

  List<ExpectedEvent> expected() {
    return logs.stream().flatMap(l -> l.events.stream()).toList();
  }

  int totalLines() {
    return logs.stream().mapToInt(ContainerLog::lineCount).sum();
  }

  synchronized int linesWritten() {
    return linesWritten;
  }

  /** Appends the blocks of the pod's containers up to {@code share} of them (0–1), rotating where planned. */
  synchronized void write(String pod, double share) {
    for (int i = 0; i < logs.size(); i++) {
      if (podOf.get(i).name().equals(pod)) {
        writeContainer(i, share);
      }
    }
  }

  /** {@link #write(String, double)} for every pod. */
  synchronized void writeAll(double share) {
    for (int i = 0; i < logs.size(); i++) {
      writeContainer(i, share);
    }
  }

  private void writeContainer(int i, double share) {
    ContainerLog log = logs.get(i);
    int until = (int) Math.round(log.blocks.size() * Math.min(1.0, share));
    Double rotateAt = ROTATIONS.get(podOf.get(i).name());
    Path file = file(log.key);
    if (written.get(i) >= until) {
      return; // nothing new (and a removed pod's directory is not made again)
    }
    try {
      Files.createDirectories(file.getParent());
      for (int b = written.get(i); b < until; b++) {
        List<String> lines = log.blocks.get(b).lines();
        if (rotateAt != null && b == (int) (log.blocks.size() * rotateAt)) {
          // The kubelet rotates on size, wherever the runtime is: here after the first piece of a block.
          append(file, lines.subList(0, 1));
          Files.move(file, file.resolveSibling("0.log.20261121-090000"));
          append(file, lines.subList(1, lines.size()));
        } else {
          append(file, lines);
        }
        linesWritten += lines.size();
      }
      written.set(i, Math.max(written.get(i), until));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void append(Path file, List<String> lines) throws IOException {
    if (lines.isEmpty()) {
      return;
    }
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** Removes the pod's log directory, as the kubelet does once the deleted pod's containers are gone. */
  synchronized void removePodDirectory(String pod) throws IOException {
    for (int i = 0; i < logs.size(); i++) {
      if (podOf.get(i).name().equals(pod)) {
        Path dir = file(logs.get(i).key).getParent().getParent();
        if (Files.exists(dir)) {
          try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
        }
      }
    }
  }

  /** Lines of the pod's containers. */
  int lines(String pod) {
    int lines = 0;
    for (int i = 0; i < logs.size(); i++) {
      if (podOf.get(i).name().equals(pod)) {
        lines += logs.get(i).lineCount();
      }
    }
    return lines;
  }

  StreamKey keyOf(String pod) {
    for (int i = 0; i < logs.size(); i++) {
      if (podOf.get(i).name().equals(pod)) {
        return logs.get(i).key;
      }
    }
    throw new IllegalArgumentException(pod);
  }

  Path file(StreamKey k) {
    return root.resolve(k.namespace() + "_" + k.pod() + "_" + k.podUid()).resolve(k.container()).resolve("0.log");
  }
}
