package io.logpipe.multiline.assemble;

import io.logpipe.schemas.FileIdentity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The bytes of a {@link ContainerAssembler}'s pending state, as kept in the stage's changelogged state store: shipper
 * chunks, and per runtime stream its detector state, partial line, open event and held lines. Versioned, so a
 * rolling upgrade can read what the previous version wrote.
 */
public final class AssemblerStateCodec {

  private static final byte VERSION = 1;

  private AssemblerStateCodec() {
  }

  public static byte[] encode(ContainerAssembler a) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeBoolean(a.chunks != null);
      if (a.chunks != null) {
        out.writeInt(a.chunkLength);
        out.write(a.chunks, 0, a.chunkLength);
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
        out.writeUTF(e.getKey());
        out.writeUTF(s.detector().state());
        out.writeLong(s.lastActivityMillis);
        writeAccumulator(out, s.partial);
        writeAccumulator(out, s.open);
        out.writeInt(s.tentative.size());
        for (LogicalLine l : s.tentative) {
          writeAccumulator(out, Accumulator.of(l));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Restores {@code bytes} into an empty assembler (built with the same settings). */
  public static ContainerAssembler decode(byte[] bytes, ContainerAssembler into) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown multiline state version " + version);
      }
      if (in.readBoolean()) {
        into.chunkLength = in.readInt();
        into.chunks = in.readNBytes(into.chunkLength);
        into.chunkOffset = in.readLong();
        into.chunkOrigin = readOrigin(in);
        into.chunkCount = in.readInt();
        into.chunkTruncated = in.readBoolean();
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        StreamAssembler s = into.stream(in.readUTF());
        s.detector().restore(in.readUTF());
        s.lastActivityMillis = in.readLong();
        s.partial = readAccumulator(in);
        s.open = readAccumulator(in);
        int held = in.readInt();
        for (int j = 0; j < held; j++) {
          s.tentative.add(readAccumulator(in).toLine());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return into;
  }

  private static void writeAccumulator(DataOutputStream out, Accumulator a) throws IOException {
    out.writeBoolean(a != null);
    if (a == null) {
      return;
    }
    out.writeUTF(a.stream);
    writeNullable(out, a.timeText);
    out.writeLong(a.timeUnixNano);
    writeOrigin(out, a.origin);
    out.writeLong(a.firstOffset);
    writeText(out, a.text.toString());
    out.writeInt(a.bytes);
    out.writeInt(a.count);
    out.writeLong(a.lastOffset);
    out.writeInt(a.physicalLines);
    out.writeInt(a.flags);
  }

  private static Accumulator readAccumulator(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    String stream = in.readUTF();
    String timeText = readNullable(in);
    long nanos = in.readLong();
    Origin origin = readOrigin(in);
    long firstOffset = in.readLong();
    String text = readText(in);
    return new Accumulator(stream, timeText, nanos, origin, firstOffset, text, in.readInt(), in.readInt(),
        in.readLong(), in.readInt(), in.readInt());
  }

  private static void writeOrigin(DataOutputStream out, Origin o) throws IOException {
    out.writeBoolean(o != null);
    if (o == null) {
      return;
    }
    writeText(out, o.node());
    writeText(out, o.path());
    out.writeBoolean(o.fileId() != null);
    if (o.fileId() != null) {
      out.writeLong(o.fileId().getDevice());
      out.writeLong(o.fileId().getInode());
      out.writeLong(o.fileId().getFingerprint());
    }
  }

  private static Origin readOrigin(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    String node = readText(in);
    String path = readText(in);
    FileIdentity id = in.readBoolean() ? new FileIdentity(in.readLong(), in.readLong(), in.readLong()) : null;
    return new Origin(node, path, id);
  }

  // writeUTF is limited to 64 KiB; events are not.
  private static void writeText(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readText(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      writeText(out, s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? readText(in) : null;
  }
}
