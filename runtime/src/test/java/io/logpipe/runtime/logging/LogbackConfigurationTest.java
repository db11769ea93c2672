package io.logpipe.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;

class LogbackConfigurationTest {

  @Test
  void runtimesLogbackXmlLoadsWithoutErrorsAndInstallsTheRateLimit() throws Exception {
    LoggerContext context = new LoggerContext();
    new ContextInitializer(context).autoConfig();
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .filteredOn(s -> s.getEffectiveLevel() >= Status.WARN).isEmpty();
    assertThat(context.getTurboFilterList()).hasOnlyElementsOfType(RateLimitingTurboFilter.class).hasSize(1);
    assertThat(context.getLogger("org.apache.kafka").getLevel()).hasToString("WARN");
    assertThat(context.getLogger("org.apache.kafka.streams.processor.internals.RecordDeserializer").getLevel())
        .as("its warnings quote record bytes").hasToString("ERROR");
    context.stop();
  }
}
