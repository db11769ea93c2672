package io.logpipe.shipper.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads one pass's worth of one file: up to the buffer's size from the file's position, cut into lines, copied once
 * into a {@link FileSlice}. Reuses its buffer, so one instance per reader thread.
 */
final class SliceReader {

  private final LineSplitter splitter;
  private final byte[] buffer;
  private final TailEvents events;
  private int[] starts = new int[1024];
  private int[] lengths = new int[1024];
  private boolean[] continued = new boolean[1024];
  private int count;

  SliceReader(TailSettings settings, TailEvents events) {
    this.splitter = new LineSplitter(settings.maxLineBytes());
    this.buffer = new byte[settings.bufferBytes()];
    this.events = events;
  }

  /**
   * Reads from {@code file.position} (at most {@code size - position} bytes) and moves the file's position past the
   * lines taken. Empty when no complete line was there yet.
   */
  Optional<FileSlice> read(TrackedFile file, long size, boolean flushTail, Instant now) throws IOException {
    int wanted = (int) Math.min(buffer.length, size - file.position);
    ByteBuffer target = ByteBuffer.wrap(buffer, 0, wanted);
    while (target.hasRemaining()) {
      if (file.channel.read(target, file.position + target.position()) < 0) {
        break;
      }
    }
    int length = target.position();
    count = 0;
    int consumed = splitter.split(buffer, length, flushTail && length == size - file.position, this::add);
    if (consumed == 0) {
      return Optional.empty();
    }
    long start = file.position;
    long end = start + consumed;
    long tailHash = consumed >= TailHash.LENGTH || start == 0
        ? TailHash.before(buffer, consumed)
        : TailHash.before(file.channel, end);
    file.moveTo(end, tailHash);
    long lineBytes = 0;
    for (int i = 0; i < count; i++) {
      lineBytes += lengths[i];
    }
    events.linesRead(count, lineBytes);
    return Optional.of(new FileSlice(file.id, file.path.toString(), file.pod.stream(), start,
        Arrays.copyOf(buffer, consumed), Arrays.copyOf(starts, count), Arrays.copyOf(lengths, count),
        Arrays.copyOf(continued, count), count, end, tailHash, false, now));
  }

  private void add(int start, int length, boolean isContinued) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      lengths = Arrays.copyOf(lengths, count * 2);
      continued = Arrays.copyOf(continued, count * 2);
    }
    starts[count] = start;
    lengths[count] = length;
    continued[count] = isContinued;
    if (isContinued) {
      events.lineSplit();
    }
    count++;
  }
}
