package io.logpipe.shipper.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/** Reads what identifies a file from the filesystem: device and inode from stat, the fingerprint from its bytes. */
public final class FileProbe {

  private FileProbe() {}

  /** Device and inode of the file at {@code path} (zeros where the platform has no {@code unix:} view). */
  public static Optional<FileId.DevIno> devIno(Path path) throws IOException {
    try {
      Object dev = Files.getAttribute(path, "unix:dev");
      Object ino = Files.getAttribute(path, "unix:ino");
      return Optional.of(new FileId.DevIno(((Number) dev).longValue(), ((Number) ino).longValue()));
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      return Optional.of(new FileId.DevIno(0, 0));
    }
  }

  /**
   * Opens the file at {@code path} and identifies it, or returns empty if it is gone, empty (nothing to fingerprint
   * yet: it is looked at again on the next pass) or was replaced while we opened it (stat before and after the
   * open must agree, as Java cannot fstat a channel).
   */
  public static Optional<OpenFile> open(Path path) throws IOException {
    Optional<FileId.DevIno> before = devIno(path);
    if (before.isEmpty()) {
      return Optional.empty();
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    }
    boolean keep = false;
    try {
      Optional<FileId.DevIno> after = devIno(path);
      byte[] prefix = leadingBytes(channel, Fingerprint.MAX_LENGTH);
      if (after.isEmpty() || !after.equals(before) || prefix.length == 0) {
        return Optional.empty();
      }
      FileId.DevIno id = after.get();
      keep = true;
      return Optional.of(new OpenFile(channel, new FileId(id.device(), id.inode(), Fingerprint.of(prefix))));
    } finally {
      if (!keep) {
        channel.close();
      }
    }
  }

  /** Up to {@code max} bytes from the start of the file (fewer when the file is shorter). */
  public static byte[] leadingBytes(FileChannel channel, int max) throws IOException {
    return bytesAt(channel, 0, max);
  }

  /** Up to {@code length} bytes at {@code position} (fewer at the end of the file), without moving the channel. */
  public static byte[] bytesAt(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + buffer.position());
      if (n < 0) {
        break;
      }
    }
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  /** An open file and its identity; the channel is owned by whoever holds this. */
  public record OpenFile(FileChannel channel, FileId id) {}
}
