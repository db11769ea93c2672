package io.logpipe.shipper.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SliceQueueTest {

  private static FileSlice slice(int bytes) {
    return new FileSlice(new FileId(1, 2, 3), "p", null, 0, new byte[bytes], new int[0], new int[0], new boolean[0],
        0, bytes, 0, false, Instant.EPOCH);
  }

  @Test
  void refusesASliceThatWouldOverflowTheByteCapacity() throws Exception {
    SliceQueue queue = new SliceQueue(100);
    assertThat(queue.offer(slice(60), Duration.ZERO)).isTrue();
    assertThat(queue.offer(slice(60), Duration.ZERO)).isFalse();
    assertThat(queue.drain(1000, Duration.ZERO)).hasSize(1);
    assertThat(queue.offer(slice(60), Duration.ZERO)).isTrue();
  }

  @Test
  void admitsOneOversizedSliceIntoAnEmptyQueueSoNoFileWedges() throws Exception {
    SliceQueue queue = new SliceQueue(10);
    assertThat(queue.offer(slice(50), Duration.ZERO)).isTrue();
  }

  @Test
  void drainsUpToTheByteBudgetButAlwaysAtLeastOneSlice() throws Exception {
    SliceQueue queue = new SliceQueue(1000);
    for (int i = 0; i < 5; i++) {
      queue.offer(slice(100), Duration.ZERO);
    }
    assertThat(queue.drain(250, Duration.ZERO)).hasSize(2);
    assertThat(queue.drain(10, Duration.ZERO)).hasSize(1);
    assertThat(queue.drain(1000, Duration.ZERO)).hasSize(2);
    assertThat(queue.drain(1000, Duration.ofMillis(1))).isEmpty();
  }

  @Test
  void givesTheArraysOfDrainedSlicesBackToTheReaderAtTheNextDrainOnly() throws Exception {
    SliceQueue queue = new SliceQueue(1000);
    ReadBuffers buffers = new ReadBuffers(100);
    queue.recycleInto(buffers);
    queue.offer(slice(buffers.take()), Duration.ZERO);
    queue.offer(slice(buffers.take()), Duration.ZERO);
    FileSlice first = queue.drain(100, Duration.ZERO).get(0);
    assertThat(buffers.free()).as("still being sent").isZero();
    queue.drain(100, Duration.ZERO);
    assertThat(buffers.free()).isEqualTo(1);
    assertThat(buffers.take()).isSameAs(first.data());
  }

  @Test
  void recyclesNothingDrainedBeforeAClear() throws Exception {
    SliceQueue queue = new SliceQueue(1000);
    ReadBuffers buffers = new ReadBuffers(100);
    queue.recycleInto(buffers);
    queue.offer(slice(buffers.take()), Duration.ZERO);
    queue.drain(100, Duration.ZERO);
    queue.clear(); // a failed delivery: what it held may be anywhere
    queue.drain(100, Duration.ofMillis(1));
    assertThat(buffers.free()).isZero();
  }

  @Test
  void recyclesNothingUnlessLinkedToTheReader() throws Exception {
    SliceQueue queue = new SliceQueue(1000);
    ReadBuffers buffers = new ReadBuffers(100);
    byte[] data = buffers.take();
    queue.offer(slice(data), Duration.ZERO);
    queue.drain(100, Duration.ZERO);
    queue.drain(100, Duration.ofMillis(1));
    assertThat(buffers.take()).isNotSameAs(data);
  }

  private static FileSlice slice(byte[] data) {
    return new FileSlice(new FileId(1, 2, 3), "p", null, 0, data, new int[0], new int[0], new boolean[0], 0,
        data.length, 0, false, Instant.EPOCH);
  }
}
