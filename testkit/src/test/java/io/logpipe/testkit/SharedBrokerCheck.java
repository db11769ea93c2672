package io.logpipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

/** Remembers the first broker handed to a test class, so later classes can check they got the same one. */
final class SharedBrokerCheck {

  private static final AtomicReference<KafkaBroker> FIRST = new AtomicReference<>();

  static void assertSameBrokerAsEveryOtherClass(KafkaBroker broker) {
    FIRST.compareAndSet(null, broker);
    assertThat(broker).isSameAs(FIRST.get());
  }

  private SharedBrokerCheck() {}
}
