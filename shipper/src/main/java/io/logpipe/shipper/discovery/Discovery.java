package io.logpipe.shipper.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One walk of the log root, listing every candidate file. Symbolic links are not followed ({@code /var/log/containers}
 * links back into {@code /var/log/pods}); files and directories vanishing during the walk are skipped, not errors.
 */
public final class Discovery {

  private final Path root;
  private final LogFileFilter filter;

  public Discovery(Path root, LogFileFilter filter) {
    this.root = root;
    this.filter = filter;
  }

  public Path root() {
    return root;
  }

  /** Walks the root; {@code onDirectory} sees every directory (to watch it for new files). */
  public List<LogFileFilter.Candidate> scan(Consumer<Path> onDirectory) {
    List<LogFileFilter.Candidate> found = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return found;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          onDirectory.accept(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()) {
            filter.judge(root, root.relativize(file)).ifPresent(found::add);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw new UncheckedIOException("cannot read " + file, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root, e);
    }
    return found;
  }
}
