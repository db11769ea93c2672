package io.logpipe.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitingTurboFilterTest {

  private final AtomicLong now = new AtomicLong();
  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private RateLimitingTurboFilter filter;
  private Logger noisy;
  private Logger quiet;

  @BeforeEach
  void setUp() {
    filter = new RateLimitingTurboFilter(now::get);
    filter.setMaxPerSecond(3);
    filter.setContext(context);
    filter.start();
    context.addTurboFilter(filter);
    appender.setContext(context);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    noisy = context.getLogger("noisy");
    quiet = context.getLogger("quiet");
  }

  @Test
  void letsAtMostTheLimitPerLoggerPerSecondThrough() {
    for (int i = 0; i < 10; i++) {
      noisy.warn("poison record {}", i);
    }
    quiet.warn("still heard");
    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "poison record 0", "poison record 1", "poison record 2", "still heard");
    assertThat(filter.suppressedTotal()).isEqualTo(7);
  }

  @Test
  void reportsHowManyWereSuppressedWhenTheNextWindowOpens() {
    for (int i = 0; i < 5; i++) {
      noisy.warn("m{}", i);
    }
    now.addAndGet(TimeUnit.SECONDS.toNanos(1));
    noisy.warn("next second");
    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "m0", "m1", "m2", "suppressed 2 messages from noisy in the previous second", "next second");
    assertThat(appender.list.get(3).getLoggerName()).isEqualTo(RateLimitingTurboFilter.REPORTER);
  }

  @Test
  void disabledLevelsAndEnabledChecksAreNotCounted() {
    for (int i = 0; i < 10; i++) {
      noisy.debug("not logged at INFO");
      assertThat(noisy.isWarnEnabled()).isTrue();
    }
    noisy.warn("a");
    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("a");
    assertThat(filter.suppressedTotal()).isZero();
    assertThat(filter.decide(null, noisy, Level.WARN, null, null, null)).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> filter.setMaxPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
