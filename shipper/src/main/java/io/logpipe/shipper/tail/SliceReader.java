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
  private final int readCap;
  private final TailEvents events;
  private int[] starts = new int[1024];
  private int[] lengths = new int[1024];
  private boolean[] continued = new boolean[1024];
  private int count;

  SliceReader(TailSettings settings, TailEvents events) {
    this.splitter = new LineSplitter(settings.maxLineBytes());
    this.buffer = new byte[settings.bufferBytes()];
    this.readCap = settings.readCapBytes();
    this.events = events;
  }

  /**
   * Reads from {@code file.position} (at most the per-pass cap, or more when one line needs it) and moves the file's
   * position past the lines taken. Empty when no complete line was there yet.
   */
  Optional<FileSlice> read(TrackedFile file, long size, boolean flushTail, Instant now) throws IOException {
    long available = size - file.position;
    int consumed = readAndSplit(file, (int) Math.min(readCap, available), available, flushTail);
    if (consumed == 0 && readCap < available && readCap < buffer.length) {
      // No line ends within the cap: read as far as one maximal line, so long lines still make progress.
      consumed = readAndSplit(file, (int) Math.min(buffer.length, available), available, flushTail);
    }
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

  private int readAndSplit(TrackedFile file, int wanted, long available, boolean flushTail) throws IOException {
    ByteBuffer target = ByteBuffer.wrap(buffer, 0, wanted);
    while (target.hasRemaining()) {
      if (file.channel.read(target, file.position + target.position()) < 0) {
        break;
      }
    }
    int length = target.position();
    count = 0;
    return splitter.split(buffer, length, flushTail && length == available, this::add);
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
