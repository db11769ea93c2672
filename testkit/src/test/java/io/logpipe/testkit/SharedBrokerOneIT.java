package io.logpipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@KafkaTest
class SharedBrokerOneIT {

  private KafkaBroker broker;

  @Test
  void getsTheOneBrokerOfTheJvm() throws Exception {
    SharedBrokerCheck.assertSameBrokerAsEveryOtherClass(broker);
    assertThat(broker.admin().describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
  }
}
