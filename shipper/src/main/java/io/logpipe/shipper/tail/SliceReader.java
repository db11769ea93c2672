package io.logpipe.shipper.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads one pass's worth of one file: up to the read cap from the file's position, cut into lines, handed over as a
 * {@link FileSlice} in the array it was read into. One instance per reader thread.
 */
final class SliceReader {

  private final LineSplitter splitter;
  private final ReadBuffers buffers;
  /** Room for a maximal line and its newline, when that is more than the read cap. */
  private final int longLineBytes;
  /** For lines longer than the read cap: made the first time one comes, then reused. */
  private byte[] longLines;
  private final int readCap;
  private final TailEvents events;
  private int[] starts = new int[1024];
  private int[] lengths = new int[1024];
  private boolean[] continued = new boolean[1024];
  private int count;

  SliceReader(TailSettings settings, TailEvents events) {
    this.splitter = new LineSplitter(settings.maxLineBytes());
    this.readCap = settings.readCapBytes();
    this.buffers = new ReadBuffers(readCap);
    this.longLineBytes = settings.bufferBytes();
    this.events = events;
  }

  /** The arrays full reads go into; the queue gives them back once their lines were sent. */
  ReadBuffers buffers() {
    return buffers;
  }

  /**
   * Reads from {@code file.position} (at most the per-pass cap, or more when one line needs it) and moves the file's
   * position past the lines taken. Empty when no complete line was there yet. The slice's lines are in the array
   * read into (no copy): a full read's array comes from {@link #buffers}, a shorter one is new and of its size.
   */
  Optional<FileSlice> read(TrackedFile file, long size, boolean flushTail, Instant now) throws IOException {
    long available = size - file.position;
    int wanted = (int) Math.min(readCap, available);
    byte[] data = wanted == buffers.arrayBytes() ? buffers.take() : new byte[wanted];
    int consumed = readAndSplit(file, data, wanted, available, flushTail);
    if (consumed == 0 && readCap < available && readCap < longLineBytes) {
      // No line ends within the cap: read as far as one maximal line, so long lines still make progress. Rare:
      // this one buffer is reused, its lines copied out.
      buffers.give(data);
      if (longLines == null) {
        longLines = new byte[longLineBytes];
      }
      consumed = readAndSplit(file, longLines, (int) Math.min(longLineBytes, available), available, flushTail);
      if (consumed == 0) {
        return Optional.empty();
      }
      data = Arrays.copyOf(longLines, consumed);
    } else if (consumed == 0) {
      buffers.give(data);
      return Optional.empty();
    }
    long start = file.position;
    long end = start + consumed;
    long tailHash = consumed >= TailHash.LENGTH || start == 0
        ? TailHash.before(data, consumed)
        : TailHash.before(file.channel, end);
    file.moveTo(end, tailHash);
    long lineBytes = 0;
    for (int i = 0; i < count; i++) {
      lineBytes += lengths[i];
    }
    events.linesRead(count, lineBytes);
    return Optional.of(new FileSlice(file.id, file.path.toString(), file.pod.stream(), start, data,
        Arrays.copyOf(starts, count), Arrays.copyOf(lengths, count), Arrays.copyOf(continued, count), count, end,
        tailHash, false, now));
  }

  private int readAndSplit(TrackedFile file, byte[] target, int wanted, long available, boolean flushTail)
      throws IOException {
    ByteBuffer into = ByteBuffer.wrap(target, 0, wanted);
    while (into.hasRemaining()) {
      if (file.channel.read(into, file.position + into.position()) < 0) {
        break;
      }
    }
    int length = into.position();
    count = 0;
    return splitter.split(target, length, flushTail && length == available, this::add);
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
