package io.logpipe.shipper.files;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.shipper.source.GlobScan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One extra file source on the node (issue 9: control-plane logs, the audit log): a name, absolute globs, a format
 * and static labels. Configured as {@code SHIPPER_FILES=audit,apiserver} (off when empty, the default), then per
 * source {@code SHIPPER_FILES_<NAME>_GLOBS} (required), {@code _FORMAT} ({@code text}, {@code json}, {@code audit};
 * default text) and {@code _LABELS} ({@code k=v,k=v}); {@code <NAME>} is the name upper-cased, {@code -} as
 * {@code _}.
 */
public record FileSource(String name, List<String> globs, FileFormat format, Map<String, String> labels) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public FileSource {
    globs = List.copyOf(globs);
    labels = Map.copyOf(labels);
  }

  /** Every configured source (none by default), every problem reported through {@code r}. */
  public static List<FileSource> readAll(ConfigReader r) {
    List<FileSource> sources = new ArrayList<>();
    List<String> names = r.list("FILES", List.of());
    r.check(names.stream().distinct().count() == names.size(), "FILES", "names a source twice");
    for (String name : names) {
      if (!NAME.matcher(name).matches()) {
        r.check(false, "FILES", "'" + name + "' is not a name (lower-case letters, digits and '-', at most 63)");
        continue;
      }
      sources.add(read(r, name));
    }
    return sources;
  }

  private static FileSource read(ConfigReader r, String name) {
    String prefix = "FILES_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    List<String> globs = r.list(prefix + "GLOBS", List.of());
    r.check(!globs.isEmpty(), prefix + "GLOBS", "must name at least one absolute glob for source '" + name + "'");
    for (String glob : globs) {
      String problem = GlobScan.problem(glob);
      r.check(problem == null, prefix + "GLOBS", problem == null ? "" : problem);
    }
    FileFormat format = r.enumValue(prefix + "FORMAT", FileFormat.class, FileFormat.TEXT);
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : r.list(prefix + "LABELS", List.of())) {
      int eq = pair.indexOf('=');
      boolean ok = eq > 0 && !pair.substring(0, eq).isBlank();
      r.check(ok, prefix + "LABELS", "'" + pair + "' is not key=value");
      if (ok) {
        labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return new FileSource(name, globs, format, labels);
  }
}
