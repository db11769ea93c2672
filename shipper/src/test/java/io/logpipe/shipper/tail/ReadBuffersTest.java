package io.logpipe.shipper.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadBuffersTest {

  @Test
  void handsOutAGivenBackArrayBeforeMakingANewOne() {
    ReadBuffers buffers = new ReadBuffers(64);
    byte[] first = buffers.take();
    buffers.give(first);
    assertThat(buffers.take()).isSameAs(first);
    assertThat(buffers.take()).isNotSameAs(first).hasSize(64);
  }

  @Test
  void keepsOnlyArraysOfItsSize() {
    ReadBuffers buffers = new ReadBuffers(64);
    buffers.give(new byte[63]);
    buffers.give(new byte[0]);
    assertThat(buffers.free()).isZero();
  }

  @Test
  void keepsAtMostItsBoundOfFreeArrays() {
    int size = (int) (ReadBuffers.MAX_FREE_BYTES / 4);
    ReadBuffers buffers = new ReadBuffers(size);
    for (int i = 0; i < 10; i++) {
      buffers.give(new byte[size]);
    }
    assertThat(buffers.free()).isEqualTo(4);
  }

  @Test
  void keepsOneArrayEvenWhenOneIsLargerThanTheBound() {
    ReadBuffers buffers = new ReadBuffers((int) ReadBuffers.MAX_FREE_BYTES * 2);
    buffers.give(new byte[(int) ReadBuffers.MAX_FREE_BYTES * 2]);
    buffers.give(new byte[(int) ReadBuffers.MAX_FREE_BYTES * 2]);
    assertThat(buffers.free()).isEqualTo(1);
  }

  @Test
  void refusesAnArrayGivenBackTwiceSoTwoSlicesNeverShareOne() {
    ReadBuffers buffers = new ReadBuffers(64);
    byte[] array = buffers.take();
    buffers.give(array);
    assertThatThrownBy(() -> buffers.give(array)).isInstanceOf(IllegalStateException.class);
  }
}
