package io.logpipe.sinks.s3;

import io.logpipe.sinks.worker.TransientSinkException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The {@code file://} target: the S3 layout in a local directory (the {@code local} mode and the demo). Each object
 * is written to a temporary file in its directory, forced to disk and renamed over the final name, so a reader
 * (or a crash) never sees half an object, like an S3 PUT.
 */
public final class FileObjectStore implements ObjectStore {

  private final Path root;

  public FileObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] body) {
    Path target = root.resolve(key).normalize();
    if (!target.startsWith(root)) {
      throw new IllegalArgumentException("object key escapes the target directory: " + key);
    }
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          channel.write(java.nio.ByteBuffer.wrap(body));
          channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new TransientSinkException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String target() {
    return root.toUri().toString();
  }

  @Override
  public void close() {}
}
