package io.logpipe.shipper.files;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.source.NodeEvents;
import io.logpipe.shipper.source.NodeLine;
import io.logpipe.shipper.deliver.SliceRecords;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.charset.StandardCharsets;

/**
 * Each line of an extra file source as a {@code LogEvent} on {@code logs.enriched.v1} (see {@link NodeEvents} for
 * the key, flags and attributes): message = the line (UTF-8, invalid bytes replaced), the source's format parses it,
 * source = node, real path, file identity and the line's offset (so the sinks' idempotent ids are per line). The
 * pieces of an over-long line the tailer cut ({@code SHIPPER_MAX_LINE_BYTES}) are events of their own; each piece
 * but the last is flagged {@code split} and taken as text (the last is parsed, and fails as JSON: {@code unparsed}).
 */
public final class FileEventRecords implements SliceRecords {

  /** The flag and {@code source_type} of every extra-file event. */
  public static final String KIND = "node_file";
  /** The pseudo container of every extra-file stream. */
  public static final String CONTAINER = "_file";

  private final String node;
  private final FileSource source;
  private final StreamKey key;
  /** The source's one record key, as the producer sends it (shared by every record; the producer only reads it). */
  private final byte[] keyBytes;

  public FileEventRecords(String node, FileSource source) {
    this.node = node;
    this.source = source;
    this.key = NodeEvents.key(node, source.name(), CONTAINER);
    this.keyBytes = key.toString().getBytes(StandardCharsets.UTF_8);
  }

  public StreamKey key() {
    return key;
  }

  @Override
  public void lines(FileSlice slice, Out out) {
    for (int i = 0; i < slice.lineCount(); i++) {
      String text = new String(slice.data(), slice.starts()[i], slice.lengths()[i], StandardCharsets.UTF_8);
      boolean split = slice.continued()[i];
      NodeLine parsed = split ? NodeLine.plain(false) : source.format().parse(text);
      LogEvent event = NodeEvents.event(key,
          new NodeEvents.Origin(node, slice.path(), slice.id().toAvro(), slice.offsetOf(i)), slice.readTime(), text,
          parsed, KIND, source.labels(), split);
      out.send(Topics.ENRICHED.name(), keyBytes, Topics.LOG_EVENT.encode(event));
    }
  }
}
