package io.logpipe.shipper.tail;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the position store holds: the committed position of each file, and the files whose positions were
 * forgotten (let go: a tombstone was committed). The reader starts, and restarts after a failed delivery, from here.
 */
public record Committed(Map<FileId, Saved> positions, Set<FileId> forgotten) {

  /** A committed position: the next byte to read and the hash of the bytes before it. */
  public record Saved(FileId id, String path, long position, long tailHash) {}

  public static final Committed NOTHING = new Committed(Map.of(), Set.of());

  public Committed {
    positions = Map.copyOf(positions);
    forgotten = Set.copyOf(forgotten);
  }

  public static Committed of(Collection<Saved> saved) {
    return new Committed(saved.stream().collect(Collectors.toMap(Saved::id, s -> s)), Set.of());
  }
}
