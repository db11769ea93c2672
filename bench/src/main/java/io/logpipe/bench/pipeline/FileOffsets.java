package io.logpipe.bench.pipeline;

import java.util.HashMap;
import java.util.Map;

/**
 * One {@code long} per (file, byte offset), so that a raw line and the event it became can be matched without a
 * string per line: the file's number (in order of first sight) in the high bits, the offset in the low 40 (1 TiB).
 */
final class FileOffsets {

  private final Map<String, Long> ids = new HashMap<>();

  synchronized long of(CharSequence path, long offset) {
    long id = ids.computeIfAbsent(path.toString(), p -> (long) ids.size());
    return id << 40 | offset;
  }
}
