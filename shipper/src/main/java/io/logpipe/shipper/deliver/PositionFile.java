package io.logpipe.shipper.deliver;

import io.logpipe.shipper.tail.Committed;
import io.logpipe.shipper.tail.FileId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The at-least-once mode's positions, in a local file written atomically (a temporary file, fsync, atomic rename,
 * as Vector's checkpointer does), so a crash leaves either the old or the new positions, never a torn file.
 *
 * <p>Format, one file per line after a version header: {@code <device> <inode> <fingerprint-hex> <position>
 * <tailHash-hex> <path>} (the path last, as it may hold spaces).
 */
public final class PositionFile {

  static final String HEADER = "logpipe-shipper-positions v1";

  private final Path file;

  public PositionFile(Path file) {
    this.file = file;
  }

  public Committed read() throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException first) {
      return Committed.NOTHING;
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + " is not a shipper positions file (" + HEADER + ")");
    }
    List<Committed.Saved> saved = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(" ", 6);
      if (f.length != 6) {
        throw new IOException(file + ": malformed line '" + line + "'");
      }
      FileId id = new FileId(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseUnsignedLong(f[2], 16));
      saved.add(new Committed.Saved(id, f[5], Long.parseLong(f[3]), Long.parseUnsignedLong(f[4], 16)));
    }
    return Committed.of(saved);
  }

  public void write(Collection<Committed.Saved> positions) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Committed.Saved s : positions) {
      text.append(s.id().device()).append(' ').append(s.id().inode()).append(' ')
          .append(Long.toHexString(s.id().fingerprint())).append(' ').append(s.position()).append(' ')
          .append(Long.toHexString(s.tailHash())).append(' ').append(s.path()).append('\n');
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
