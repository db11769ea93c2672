package io.logpipe.multiline.assemble;

import io.logpipe.schemas.FileIdentity;
import java.util.Map;

/**
 * The bytes of a {@link ContainerAssembler}'s pending state, as kept in the stage's changelogged state store: shipper
 * chunks, and per runtime stream its detector state, partial line, open event and held lines. Versioned, so a
 * rolling upgrade can read what the previous version wrote.
 */
public final class AssemblerStateCodec {

  private static final byte VERSION = 2;

  private AssemblerStateCodec() {
  }

  public static byte[] encode(ContainerAssembler a) {
    StateBytes.Writer out = new StateBytes.Writer(estimate(a));
    out.writeByte(VERSION);
    out.writeBoolean(a.chunks != null);
    if (a.chunks != null) {
      out.writeBytes(a.chunks, a.chunkLength);
      out.writeLong(a.chunkOffset);
      writeOrigin(out, a.chunkOrigin);
      out.writeInt(a.chunkCount);
      out.writeBoolean(a.chunkTruncated);
    }
    int n = 0;
    for (StreamAssembler s : a.streams.values()) {
      n += s.isEmpty() ? 0 : 1;
    }
    out.writeInt(n);
    for (Map.Entry<String, StreamAssembler> e : a.streams.entrySet()) {
      StreamAssembler s = e.getValue();
      if (s.isEmpty()) {
        continue;
      }
      out.writeString(e.getKey());
      out.writeString(s.detector().state());
      out.writeLong(s.lastActivityMillis);
      writeAccumulator(out, s.partial);
      writeAccumulator(out, s.open);
      out.writeInt(s.tentative.size());
      for (LogicalLine l : s.tentative) {
        writeAccumulator(out, Accumulator.of(l));
      }
    }
    return out.toByteArray();
  }

  /** Sizes the buffer once: the texts dominate. */
  private static int estimate(ContainerAssembler a) {
    int size = 64 + (a.chunks == null ? 0 : a.chunkLength + 64);
    for (StreamAssembler s : a.streams.values()) {
      size += 256 + (s.partial == null ? 0 : s.partial.bytes) + (s.open == null ? 0 : s.open.bytes);
      for (LogicalLine l : s.tentative) {
        size += 128 + l.bytes();
      }
    }
    return size;
  }

  /** Restores {@code bytes} into an empty assembler (built with the same settings). */
  public static ContainerAssembler decode(byte[] bytes, ContainerAssembler into) {
    StateBytes.Reader in = new StateBytes.Reader(bytes);
    int version = in.readByte();
    if (version != VERSION) {
      throw new IllegalStateException("unknown multiline state version " + version);
    }
    if (in.readBoolean()) {
      into.chunks = in.readBytes();
      into.chunkLength = into.chunks.length;
      into.chunkOffset = in.readLong();
      into.chunkOrigin = readOrigin(in);
      into.chunkCount = in.readInt();
      into.chunkTruncated = in.readBoolean();
    }
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      StreamAssembler s = into.stream(in.readString());
      s.detector().restore(in.readString());
      s.lastActivityMillis = in.readLong();
      s.partial = readAccumulator(in);
      s.open = readAccumulator(in);
      int held = in.readInt();
      for (int j = 0; j < held; j++) {
        s.tentative.add(readAccumulator(in).toLine());
      }
    }
    return into;
  }

  private static void writeAccumulator(StateBytes.Writer out, Accumulator a) {
    out.writeBoolean(a != null);
    if (a == null) {
      return;
    }
    out.writeString(a.stream);
    out.writeNullableString(a.timeText);
    out.writeLong(a.timeUnixNano);
    writeOrigin(out, a.origin);
    out.writeLong(a.firstOffset);
    out.writeString(a.text);
    out.writeInt(a.bytes);
    out.writeInt(a.count);
    out.writeLong(a.lastOffset);
    out.writeInt(a.physicalLines);
    out.writeInt(a.flags);
  }

  private static Accumulator readAccumulator(StateBytes.Reader in) {
    if (!in.readBoolean()) {
      return null;
    }
    String stream = in.readString();
    String timeText = in.readNullableString();
    long nanos = in.readLong();
    Origin origin = readOrigin(in);
    long firstOffset = in.readLong();
    String text = in.readString();
    return new Accumulator(stream, timeText, nanos, origin, firstOffset, text, in.readInt(), in.readInt(),
        in.readLong(), in.readInt(), in.readInt());
  }

  private static void writeOrigin(StateBytes.Writer out, Origin o) {
    out.writeBoolean(o != null);
    if (o == null) {
      return;
    }
    out.writeString(o.node());
    out.writeString(o.path());
    out.writeBoolean(o.fileId() != null);
    if (o.fileId() != null) {
      out.writeLong(o.fileId().getDevice());
      out.writeLong(o.fileId().getInode());
      out.writeLong(o.fileId().getFingerprint());
    }
  }

  private static Origin readOrigin(StateBytes.Reader in) {
    if (!in.readBoolean()) {
      return null;
    }
    String node = in.readString();
    String path = in.readString();
    FileIdentity id = in.readBoolean() ? new FileIdentity(in.readLong(), in.readLong(), in.readLong()) : null;
    return new Origin(node, path, id);
  }
}
