package io.logpipe.multiline;

import io.logpipe.multiline.assemble.AssemblyLimits;
import io.logpipe.multiline.detect.Detectors;
import io.logpipe.multiline.format.LineFormat;
import java.time.Duration;

/**
 * What the multiline step needs, independent of Kafka: the line format, the detectors, the limits, how long an event
 * may stay open without a new line ({@code quietTime}), and how often open events are checked ({@code flushInterval}).
 */
public record MultilineSettings(LineFormat format, Detectors detectors, AssemblyLimits limits, Duration quietTime,
                                Duration flushInterval) {

  public static final Duration DEFAULT_QUIET_TIME = Duration.ofSeconds(1);
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(250);

  public static MultilineSettings defaults() {
    return new MultilineSettings(LineFormat.AUTO, Detectors.builtinsOnly(), AssemblyLimits.DEFAULT,
        DEFAULT_QUIET_TIME, DEFAULT_FLUSH_INTERVAL);
  }
}
