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
   * Sends the lines of {@code slices} as part of the open batch (opening one if none is open). Nothing sent is
   * committed before {@link #commit}; sending goes on in the background meanwhile, so a batch may grow while the
   * producer is busy. Throws at the first failed send.
   */
  void send(List<FileSlice> slices) throws Exception;

  /**
   * Commits the open batch, every slice sent since the last commit ({@code batch}, possibly without its lines: only
   * where each file stands after it is read from it), with the files' new positions:
   * all or nothing as far as a reader of the positions can tell. Throws when the outcome is unknown or failed; the
   * caller then reconnects and rewinds.
   */
  void commit(List<FileSlice> batch) throws Exception;

  @Override
  void close();
}
