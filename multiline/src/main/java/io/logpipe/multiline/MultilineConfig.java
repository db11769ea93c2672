package io.logpipe.multiline;

import io.logpipe.multiline.assemble.AssemblyLimits;
import io.logpipe.multiline.assemble.OverflowAction;
import io.logpipe.multiline.detect.Detectors;
import io.logpipe.multiline.detect.RulesFile;
import io.logpipe.multiline.format.LineFormat;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.streams.StageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The multiline stage's settings, env prefix {@code MULTILINE_} (table in the module README), validated at start with
 * every problem reported at once.
 */
public record MultilineConfig(StageSettings stage, MultilineSettings settings) {

  public static final String PREFIX = "MULTILINE";
  public static final String STAGE = "multiline";

  public static MultilineConfig read(ConfigReader r) {
    StageSettings stage = StageSettings.read(r, STAGE);
    LineFormat format = r.enumValue("FORMAT", LineFormat.class, LineFormat.AUTO);
    int maxLines = r.intInRange("MAX_LINES", AssemblyLimits.DEFAULT.maxLines(), 1, 1_000_000);
    long maxBytes = r.bytes("MAX_BYTES", AssemblyLimits.DEFAULT.maxBytes());
    r.check(maxBytes >= 1024 && maxBytes <= 64L * 1024 * 1024, "MAX_BYTES", "must be between 1KiB and 64MiB");
    OverflowAction overflow = r.enumValue("OVERFLOW", OverflowAction.class, OverflowAction.TRUNCATE);
    Duration quiet = r.duration("QUIET_TIME", MultilineSettings.DEFAULT_QUIET_TIME);
    r.check(!quiet.isNegative() && !quiet.isZero(), "QUIET_TIME", "must be positive");
    Duration interval = r.duration("FLUSH_INTERVAL", MultilineSettings.DEFAULT_FLUSH_INTERVAL);
    r.check(!interval.isNegative() && !interval.isZero(), "FLUSH_INTERVAL", "must be positive");
    boolean builtins = r.bool("BUILTINS", true);
    Path rulesFile = r.path("RULES_FILE", null);
    Detectors detectors = new Detectors(List.of(), builtins);
    if (rulesFile != null) {
      try {
        Detectors fromFile = RulesFile.read(rulesFile);
        detectors = builtins ? fromFile : fromFile.withoutBuiltins();
      } catch (IllegalArgumentException e) {
        r.check(false, "RULES_FILE", e.getMessage());
      }
    }
    r.done();
    AssemblyLimits limits = new AssemblyLimits(maxLines, (int) Math.max(1, Math.min(maxBytes, Integer.MAX_VALUE)),
        overflow);
    return new MultilineConfig(stage, new MultilineSettings(format, detectors, limits, quiet, interval));
  }
}
