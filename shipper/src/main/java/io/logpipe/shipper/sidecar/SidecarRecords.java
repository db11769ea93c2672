package io.logpipe.shipper.sidecar;

import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.deliver.SliceRecords;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Sidecar lines as the container runtime would have written them (issue 9: "the rest of the pipeline cannot tell the
 * difference"): each application line becomes a CRI line, {@code <time> <stream> F <line>}, on {@code logs.raw.v1},
 * keyed by the pod's {@link StreamKey}, with {@code path} the kubelet path of that container's log
 * ({@code /var/log/pods/<ns>_<pod>_<uid>/<container>/0.log}), from which multiline and the enricher take the key.
 *
 * <ul>
 *   <li>time: the read time with nine fractional digits (the runtime's RFC 3339 nano form), as the runtime stamps
 *       the time it received the line;</li>
 *   <li>an over-long line the tailer cut into chunks becomes CRI partial lines, {@code P} for each chunk but the last
 *       ({@code F}), exactly as the runtime splits a 16 KiB line, and multiline joins them the same way; so
 *       {@code continued} is never set;</li>
 *   <li>{@code fileId} and {@code offset} stay those of the real file: the sinks' idempotent ids stay unique, and
 *       two files of one sidecar do not collide although they share the path.</li>
 * </ul>
 */
public final class SidecarRecords implements SliceRecords {

  private static final DateTimeFormatter CRI_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

  private final String node;
  private final byte[] key;
  private final String path;
  private final String stream;

  public SidecarRecords(String node, StreamKey pod, String stream) {
    this.node = node;
    this.key = pod.toString().getBytes(StandardCharsets.UTF_8);
    this.path = kubeletPath(pod);
    this.stream = stream;
  }

  /** Where the kubelet would keep this container's log (restart 0). */
  public static String kubeletPath(StreamKey pod) {
    return "/var/log/pods/" + pod.namespace() + "_" + pod.pod() + "_" + pod.podUid() + "/" + pod.container()
        + "/0.log";
  }

  @Override
  public void lines(FileSlice slice, Out out) {
    if (slice.lineCount() == 0) {
      return;
    }
    String time = CRI_TIME.format(slice.readTime());
    byte[] full = (time + " " + stream + " F ").getBytes(StandardCharsets.US_ASCII);
    byte[] partial = (time + " " + stream + " P ").getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < slice.lineCount(); i++) {
      byte[] frame = slice.continued()[i] ? partial : full;
      int length = slice.lengths()[i];
      byte[] line = new byte[frame.length + length];
      System.arraycopy(frame, 0, line, 0, frame.length);
      System.arraycopy(slice.data(), slice.starts()[i], line, frame.length, length);
      RawLine raw = new RawLine(node, path, slice.id().toAvro(), slice.offsetOf(i), ByteBuffer.wrap(line), false,
          slice.readTime());
      out.send(Topics.RAW.name(), key, Topics.RAW_LINE.encode(raw));
    }
  }
}
