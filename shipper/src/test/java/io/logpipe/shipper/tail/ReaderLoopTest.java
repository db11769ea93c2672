package io.logpipe.shipper.tail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.shipper.discovery.ChangeWatcher;
import io.logpipe.shipper.discovery.Discovery;
import io.logpipe.shipper.discovery.LogFileFilter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderLoopTest {

  /** Longer than any test: a line read here was found by a filesystem event, not by the periodic rescan. */
  private static final Duration NO_RESCAN = Duration.ofHours(1);

  @TempDir Path root;

  @Test
  void readsTheFirstLinesOfAFileThatWasEmptyWhenScannedWithoutWaitingForTheRescan() throws Exception {
    Path log = root.resolve("shop_web-1_uid-1/app/0.log");
    Files.createDirectories(log.getParent());
    Files.createFile(log); // a container that has not logged yet: nothing to fingerprint, so not followed
    Tailer tailer = new Tailer(new Discovery(root, new LogFileFilter(FileSystems.getDefault(), List.of("**/*.log"),
        List.of(), Set.of("kube-system"))), new TailSettings(1024, 64 * 1024, Duration.ofSeconds(5)),
        Clock.systemUTC(), TailEvents.NONE, new ShipProgress());
    tailer.resetTo(Committed.NOTHING);
    SliceQueue queue = new SliceQueue(1 << 20);
    List<FileSlice> read = new ArrayList<>();
    try (tailer; ChangeWatcher watcher = new ChangeWatcher(root)) {
      ReaderLoop loop = new ReaderLoop(tailer, watcher, queue, Clock.systemUTC(), NO_RESCAN, Duration.ofMillis(50));
      Thread thread = new Thread(loop, "reader-loop-test");
      thread.start();
      try {
        await().atMost(Duration.ofSeconds(10)).until(tailer::awaitsFirstBytes);

        Files.writeString(log, "2024-01-01T00:00:00.000000000Z stdout F first words\n", UTF_8,
            StandardOpenOption.APPEND);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
          read.addAll(queue.drain(1 << 20, Duration.ofMillis(10)));
          return read.stream().mapToInt(FileSlice::lineCount).sum() == 1;
        });
      } finally {
        loop.stop();
        thread.join();
      }
    }
    FileSlice slice = read.stream().filter(s -> s.lineCount() == 1).findFirst().orElseThrow();
    assertThat(new String(slice.data(), slice.starts()[0], slice.lengths()[0], UTF_8))
        .isEqualTo("2024-01-01T00:00:00.000000000Z stdout F first words");
    assertThat(slice.path()).isEqualTo(log.toString());
    assertThat(tailer.awaitsFirstBytes()).isFalse();
  }
}
