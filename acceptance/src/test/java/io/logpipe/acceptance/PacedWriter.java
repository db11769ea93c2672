package io.logpipe.acceptance;

import static org.awaitility.Awaitility.await;

import io.logpipe.schemas.Topics;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Writes the rest of the tree while the pipeline runs: first waits until the deleted pod's lines are all in
 * logs.raw.v1 and removes its directory (as the kubelet does), then appends 2 % of every container's log at a
 * time, each once the shipper has committed nine tenths of what was written, so the shipper ships all along and
 * the writer never runs far ahead; the chaos plan may hold a share back until its kill happened.
 */
final class PacedWriter implements Runnable {

  private final PodLogTree tree;
  private final RawTopic raw;
  private final KafkaProgress progress;
  private final ChaosPlan chaos;
  private final Consumer<String> note;
  private volatile Throwable failure;

  PacedWriter(PodLogTree tree, RawTopic raw, KafkaProgress progress, ChaosPlan chaos, Consumer<String> note) {
    this.tree = tree;
    this.raw = raw;
    this.progress = progress;
    this.chaos = chaos;
    this.note = note;
  }

  @Override
  public void run() {
    try {
      write();
    } catch (Throwable t) {
      failure = t;
    }
  }

  /** What stopped the writer, if anything did. */
  Throwable failure() {
    return failure;
  }

  private void write() throws Exception {
    String deleted = tree.keyOf(Workloads.DELETED).toString();
    int deletedLines = tree.lines(Workloads.DELETED);
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
        .until(() -> raw.lines(deleted) >= deletedLines);
    tree.removePodDirectory(Workloads.DELETED);
    note.accept("deleted pod's directory removed after its " + deletedLines + " lines were shipped");
    for (int percent = 32; percent <= 100; percent += 2) {
      int soFar = tree.linesWritten();
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
          .until(() -> progress.committedEnd(Topics.RAW.name()) >= soFar * 9L / 10);
      chaos.awaitKillsGating(percent);
      tree.writeAll(percent / 100.0);
    }
  }
}
