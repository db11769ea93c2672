package io.logpipe.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Lets at most {@code maxPerSecond} messages per logger through in each one-second window, so one noisy warning
 * (a poison record per line, a backend down) cannot flood stdout and the node's log pipeline with it. Suppressed
 * messages are counted; when a logger's next window opens, one line from {@value #REPORTER} says how many of its
 * messages were suppressed.
 *
 * <p>Rule for the pipeline's own logs: they never contain the log content the pipeline carries (lines, messages,
 * field values), only coordinates (stage, topic, partition, offset, file identity), counts and error classes. This
 * filter bounds volume; that rule bounds what leaks.
 */
public final class RateLimitingTurboFilter extends TurboFilter {

  /** The logger reporting suppressed counts; exempt from the limit so that the report itself is never lost. */
  public static final String REPORTER = "io.logpipe.runtime.logging.RateLimit";

  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final LongSupplier nanoTime;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong suppressedTotal = new AtomicLong();
  private volatile int maxPerSecond = 20;

  public RateLimitingTurboFilter() {
    this(System::nanoTime);
  }

  RateLimitingTurboFilter(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Set from {@code logback.xml}: {@code <maxPerSecond>20</maxPerSecond>}. */
  public void setMaxPerSecond(int maxPerSecond) {
    if (maxPerSecond < 1) {
      throw new IllegalArgumentException("maxPerSecond must be at least 1, not " + maxPerSecond);
    }
    this.maxPerSecond = maxPerSecond;
  }

  /** The filter installed in logback's context by {@code logback.xml}, if logback is the SLF4J backend. */
  public static Optional<RateLimitingTurboFilter> installed() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      return context.getTurboFilterList().stream().filter(RateLimitingTurboFilter.class::isInstance)
          .map(RateLimitingTurboFilter.class::cast).findFirst();
    }
    return Optional.empty();
  }

  /** Messages suppressed since start, all loggers. */
  public long suppressedTotal() {
    return suppressedTotal.get();
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable t) {
    // Turbo filters also see isXxxEnabled() calls (format == null) and disabled levels: neither is a message.
    if (format == null || !isStarted() || REPORTER.equals(logger.getName())
        || logger.getEffectiveLevel().toInt() > level.toInt()) {
      return FilterReply.NEUTRAL;
    }
    Window window = windows.computeIfAbsent(logger.getName(), name -> new Window());
    long[] reportSuppressed = new long[1];
    boolean allowed = window.admit(nanoTime.getAsLong(), maxPerSecond, reportSuppressed);
    if (reportSuppressed[0] > 0) {
      logger.getLoggerContext().getLogger(REPORTER).warn("suppressed {} messages from {} in the previous second",
          reportSuppressed[0], logger.getName());
    }
    if (allowed) {
      return FilterReply.NEUTRAL;
    }
    suppressedTotal.incrementAndGet();
    return FilterReply.DENY;
  }

  /** One logger's current window. */
  private static final class Window {

    private long start = Long.MIN_VALUE;
    private int passed;
    private long suppressed;

    /** True when the message may pass; {@code report[0]} gets the previous window's suppressed count to report. */
    synchronized boolean admit(long now, int max, long[] report) {
      if (start == Long.MIN_VALUE || now - start >= WINDOW_NANOS) {
        report[0] = suppressed;
        start = now;
        passed = 0;
        suppressed = 0;
      }
      if (passed < max) {
        passed++;
        return true;
      }
      suppressed++;
      return false;
    }
  }
}
