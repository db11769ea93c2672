package io.logpipe.shipper.discovery;

import io.logpipe.schemas.PodLogPath;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which files under the log root are shipped (issue 3, "Discovery"): kubelet pod logs ({@code *.log}) matching an
 * include glob and no exclude glob, outside the excluded namespaces; never a compressed ({@code *.gz}) file.
 *
 * <p>Globs are matched against the path relative to the log root, with {@code /} separators, e.g.
 * {@code **}{@code /*.log} or {@code default_*}{@code /**}. A rotated file ({@code 0.log.<timestamp>}) is judged by
 * the name it had before the rename, so excluding a container excludes its rotated files too.
 */
public final class LogFileFilter {

  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;
  private final Set<String> excludedNamespaces;

  public LogFileFilter(FileSystem fs, List<String> includeGlobs, List<String> excludeGlobs,
      Set<String> excludedNamespaces) {
    this.includes = includeGlobs.stream().map(g -> fs.getPathMatcher("glob:" + g)).toList();
    this.excludes = excludeGlobs.stream().map(g -> fs.getPathMatcher("glob:" + g)).toList();
    this.excludedNamespaces = Set.copyOf(excludedNamespaces);
  }

  /** The file as a candidate to ship, or empty if it is not one. {@code relative} is relative to the log root. */
  public Optional<Candidate> judge(Path root, Path relative) {
    String name = relative.getFileName() == null ? "" : relative.getFileName().toString();
    if (name.endsWith(".gz")) {
      return Optional.empty();
    }
    Optional<PodLogPath> pod = PodLogPath.parse(relative.toString());
    if (pod.isEmpty() || excludedNamespaces.contains(pod.get().stream().namespace())) {
      return Optional.empty();
    }
    Path liveName = pod.get().rotated() ? relative.resolveSibling(name.substring(0, name.indexOf(".log") + 4))
        : relative;
    if (includes.stream().noneMatch(m -> m.matches(liveName))
        || excludes.stream().anyMatch(m -> m.matches(liveName) || m.matches(relative))) {
      return Optional.empty();
    }
    return Optional.of(new Candidate(root.resolve(relative), pod.get()));
  }

  /** A file that may be shipped: live ({@code *.log}) or rotated ({@code *.log.<suffix>}, read only if known). */
  public record Candidate(Path path, PodLogPath pod) {
    public boolean rotated() {
      return pod.rotated();
    }
  }
}
