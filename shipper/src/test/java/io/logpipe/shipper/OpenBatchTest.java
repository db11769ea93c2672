package io.logpipe.shipper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.logpipe.shipper.tail.FileId;
import io.logpipe.shipper.tail.FileSlice;
import io.logpipe.testkit.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenBatchTest {

  private static FileSlice slice(int bytes, int lines) {
    return new FileSlice(new FileId(1, 2, 3), "p", null, 0, new byte[bytes], new int[lines], new int[lines],
        new boolean[lines], lines, bytes, 0, false, Instant.EPOCH);
  }

  private static Clock at(long millis) {
    return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  @Test
  void commitsWhenFullBeforeTheIntervalIsOver() {
    OpenBatch batch = new OpenBatch(100, Duration.ofMillis(200), at(0));
    batch.add(List.of(slice(60, 3)));
    assertThat(batch.shouldCommit()).isFalse();
    assertThat(batch.room()).isEqualTo(40);
    batch.add(List.of(slice(60, 2)));
    assertThat(batch.shouldCommit()).isTrue();
    assertThat(batch.lines()).isEqualTo(5);
    assertThat(batch.room()).isEqualTo(1);
  }

  @Test
  void commitsASmallBatchOnceTheIntervalIsOver() {
    ManualClock clock = new ManualClock();
    OpenBatch batch = new OpenBatch(100, Duration.ofMillis(200), clock);
    assertThat(batch.shouldCommit()).as("nothing to commit").isFalse();
    batch.add(List.of(slice(10, 1)));
    clock.now = clock.now.plusMillis(150);
    assertThat(batch.untilDue()).isEqualTo(Duration.ofMillis(50));
    assertThat(batch.shouldCommit()).isFalse();
    clock.now = clock.now.plusMillis(50);
    assertThat(batch.shouldCommit()).isTrue();
    batch.clear();
    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.room()).isEqualTo(100);
  }

  @Test
  void keepsWhereEachFileStandsButNotTheLinesTheProducerAlreadyHas() {
    OpenBatch batch = new OpenBatch(1 << 20, Duration.ofMillis(200), at(0));
    FileSlice sent = slice(300, 3);
    batch.add(List.of(sent));
    assertThat(batch.lines()).isEqualTo(3);
    assertThat(batch.room()).as("the lines still count towards the batch size").isEqualTo((1 << 20) - 300);
    FileSlice kept = batch.slices().get(0);
    assertThat(kept.data()).as("no line bytes held until the commit").isEmpty();
    assertThat(kept.lineCount()).isZero();
    assertThat(kept.id()).isEqualTo(sent.id());
    assertThat(kept.path()).isEqualTo(sent.path());
    assertThat(kept.endPosition()).isEqualTo(sent.endPosition());
    assertThat(kept.tailHash()).isEqualTo(sent.tailHash());
    assertThat(kept.lastOfFile()).isFalse();
  }

  @Test
  void keepsOnlyTheLatestSliceOfEachFileButEveryRelease() {
    OpenBatch batch = new OpenBatch(1 << 20, Duration.ofMillis(200), at(0));
    FileId a = new FileId(1, 2, 3);
    FileId b = new FileId(1, 4, 5);
    batch.add(List.of(slice(a, 100, 10, false), slice(b, 50, 5, false), slice(a, 200, 10, false)));
    batch.add(List.of(slice(a, 300, 10, false), slice(b, 60, 1, false)));
    assertThat(batch.slices()).extracting(FileSlice::id, FileSlice::endPosition)
        .containsExactly(tuple(a, 300L), tuple(b, 60L));
    assertThat(batch.lines()).as("every line still counts").isEqualTo(36);
    assertThat(batch.room()).isEqualTo((1 << 20) - 36 * 10);

    batch.add(List.of(slice(a, 300, 0, true), slice(a, 40, 4, false), slice(a, 80, 4, false)));
    assertThat(batch.slices()).extracting(FileSlice::id, FileSlice::endPosition, FileSlice::lastOfFile)
        .as("the release stays; the file's later slices (same identity) replace each other after it")
        .containsExactly(tuple(a, 300L, true), tuple(b, 60L, false), tuple(a, 80L, false));

    batch.clear();
    batch.add(List.of(slice(a, 500, 1, false)));
    assertThat(batch.slices()).extracting(FileSlice::endPosition).containsExactly(500L);
  }

  private static FileSlice slice(FileId id, long end, int lines, boolean last) {
    return new FileSlice(id, "p", null, 0, new byte[lines * 10], new int[lines], new int[lines],
        new boolean[lines], lines, end, 0, last, Instant.EPOCH);
  }

  private static final class ManualClock extends Clock {
    Instant now = Instant.EPOCH;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
