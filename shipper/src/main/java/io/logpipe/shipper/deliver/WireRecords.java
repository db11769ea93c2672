package io.logpipe.shipper.deliver;

import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.charset.StandardCharsets;

/**
 * Turns pod-log slices into the records of {@code logs.raw.v1}, encoded as the schemas' serde encodes them. Public
 * for {@code bench}'s {@code ReadEncodeBench}, which measures the reader and this encoding together.
 */
public final class WireRecords implements SliceRecords {

  private final RawLineEncoder encoder;

  public WireRecords(String node) {
    this.encoder = new RawLineEncoder(node);
  }

  /** Each line of the slice, keyed by its stream key. Releases have no lines. Not thread-safe. */
  @Override
  public void lines(FileSlice slice, Out out) {
    if (slice.lineCount() == 0) {
      return;
    }
    byte[] key = slice.stream().toString().getBytes(StandardCharsets.UTF_8);
    encoder.startSlice(slice);
    for (int i = 0; i < slice.lineCount(); i++) {
      out.send(Topics.RAW.name(), key, encoder.encode(slice, i));
    }
  }
}
