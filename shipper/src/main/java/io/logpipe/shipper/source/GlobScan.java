package io.logpipe.shipper.source;

import io.logpipe.schemas.PodLogPath;
import io.logpipe.schemas.StreamKey;
import io.logpipe.shipper.discovery.LogFileFilter.Candidate;
import io.logpipe.shipper.tail.Tailer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The candidates of a file source given by absolute globs (issue 9: extra node files, sidecar mode), for the same
 * {@link Tailer} as pod logs. Each glob is walked from its longest literal directory ({@code /var/log/kubernetes/
 * audit} for {@code /var/log/kubernetes/audit/*.log}), links not followed, as deep as the glob reaches ({@code **}:
 * any depth); {@code *.gz} is never read. Every file found gets the source's {@link StreamKey}; none is "rotated":
 * a file renamed out of the glob (logrotate's {@code x.log.1}) is simply gone from the scan, and the tailer reads it
 * to its end through the descriptor it holds before letting it go, as for a deleted pod log.
 */
public final class GlobScan implements Tailer.Scan {

  private final List<Glob> globs;
  private final StreamKey stream;

  private record Glob(Path base, int depth, PathMatcher matcher) {}

  public GlobScan(FileSystem fs, List<String> globs, StreamKey stream) {
    this.globs = globs.stream().map(g -> compile(fs, g)).toList();
    this.stream = stream;
  }

  /** Problems with a glob, or null if it is usable: absolute, and not matching everything under {@code /}. */
  public static String problem(String glob) {
    if (glob.isBlank() || !glob.startsWith("/")) {
      return "'" + glob + "' is not absolute";
    }
    if (base(glob).getNameCount() == 0) {
      return "'" + glob + "' has no literal directory to start from (e.g. /var/log/...)";
    }
    return null;
  }

  private static Glob compile(FileSystem fs, String glob) {
    Path base = base(glob);
    int depth = glob.contains("**") ? Integer.MAX_VALUE
        : fs.getPath(glob).getNameCount() - base.getNameCount();
    return new Glob(base, depth, fs.getPathMatcher("glob:" + glob));
  }

  /** The directories of the glob before its first segment with a glob character. */
  static Path base(String glob) {
    Path path = Path.of("/");
    for (String segment : glob.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.chars().anyMatch(c -> "*?[]{}\\".indexOf(c) >= 0)) {
        return path;
      }
      path = path.resolve(segment);
    }
    return path.getParent() == null ? path : path.getParent(); // a literal file name: its directory
  }

  @Override
  public List<Candidate> scan(Consumer<Path> onDirectory) {
    Map<Path, Candidate> found = new LinkedHashMap<>();
    PodLogPath pod = new PodLogPath(stream, 0, false);
    for (Glob glob : globs) {
      for (Path file : walk(glob, onDirectory)) {
        found.putIfAbsent(file, new Candidate(file, pod));
      }
    }
    return new ArrayList<>(found.values());
  }

  private static List<Path> walk(Glob glob, Consumer<Path> onDirectory) {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(glob.base())) {
      return files;
    }
    try {
      Files.walkFileTree(glob.base(), EnumSet.noneOf(FileVisitOption.class), glob.depth(), new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          onDirectory.accept(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && !file.toString().endsWith(".gz") && glob.matcher().matches(file)) {
            files.add(file);
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
      throw new UncheckedIOException("cannot walk " + glob.base(), e);
    }
    return files;
  }
}
