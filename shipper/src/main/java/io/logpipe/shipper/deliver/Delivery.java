package io.logpipe.shipper.deliver;

import io.logpipe.shipper.tail.Committed;
import io.logpipe.shipper.tail.FileSlice;
import java.util.List;

/**
 * Where read lines go, with their positions. One instance per connection: after any failure it is closed and a new
 * one opened, whose {@link #open} tells the truth about what was committed, so nothing is lost or repeated.
 */
public interface Delivery extends AutoCloseable {

  /** Connects (fencing any predecessor) and returns the committed positions of this node's files. */
  Committed open() throws Exception;

  /**
   * Delivers the lines of {@code batch} and the files' new positions, all or nothing as far as a reader of the
   * positions can tell. Throws when the outcome is unknown or failed; the caller then reconnects and rewinds.
   */
  void deliver(List<FileSlice> batch) throws Exception;

  @Override
  void close();
}
